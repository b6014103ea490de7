package com.example.classroom;

import android.os.Bundle;
import androidx.appcompat.app.AppCompatActivity;
import com.tencent.rtmp.ui.TXCloudVideoView;
import com.tencent.trtc.TRTCCloud;
import com.tencent.trtc.TRTCCloudDef;
import com.tencent.trtc.TRTCCloudListener;

/** Student client: watches the class, and speaks with a small camera when called on. */
public class ClassroomActivity extends AppCompatActivity {
    private TRTCCloud trtcCloud;
    private TXCloudVideoView teacherView;
    private TXCloudVideoView selfView;

    @Override
    protected void onCreate(Bundle savedInstanceState) {
        super.onCreate(savedInstanceState);
        setContentView(R.layout.activity_classroom);
        teacherView = findViewById(R.id.teacher_view);
        selfView = findViewById(R.id.self_view);
        trtcCloud = TRTCCloud.sharedInstance(getApplicationContext());
        trtcCloud.setListener(new TRTCCloudListener() {
            @Override
            public void onUserVideoAvailable(String userId, boolean available) {
                if (available) {
                    trtcCloud.startRemoteView(userId, TRTCCloudDef.TRTC_VIDEO_STREAM_TYPE_BIG, teacherView);
                }
            }
        });
        joinClass(getIntent().getIntExtra("classId", 0), getIntent().getStringExtra("userId"), getIntent().getStringExtra("userSig"));
    }

    private void joinClass(int classId, String userId, String userSig) {
        TRTCCloudDef.TRTCParams params = new TRTCCloudDef.TRTCParams();
        params.sdkAppId = BuildConfig.TRTC_SDK_APP_ID;
        params.userId = userId;
        params.userSig = userSig;
        params.roomId = classId;
        params.role = TRTCCloudDef.TRTCRoleAudience;
        trtcCloud.enterRoom(params, TRTCCloudDef.TRTC_APP_SCENE_LIVE);
    }

    /** Called on by the teacher. */
    public void onCalledOn() {
        trtcCloud.switchRole(TRTCCloudDef.TRTCRoleAnchor);
        TRTCCloudDef.TRTCVideoEncParam encParam = new TRTCCloudDef.TRTCVideoEncParam();
        encParam.videoResolution = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_640_360;
        encParam.videoResolutionMode = TRTCCloudDef.TRTC_VIDEO_RESOLUTION_MODE_PORTRAIT;
        encParam.videoFps = 15;
        encParam.videoBitrate = 550;
        trtcCloud.setVideoEncoderParam(encParam);
        trtcCloud.startLocalPreview(true, selfView);
        trtcCloud.startLocalAudio(TRTCCloudDef.TRTC_AUDIO_QUALITY_SPEECH);
    }

    @Override
    protected void onDestroy() {
        super.onDestroy();
        trtcCloud.exitRoom();
        TRTCCloud.destroySharedInstance();
    }
}
