// Starts and stops the cloud recording of a class: one mixed file per class, stored in VOD.
const tencentcloud = require('tencentcloud-sdk-nodejs-trtc');

const TrtcClient = tencentcloud.trtc.v20190722.Client;
const SDK_APP_ID = Number(process.env.TRTC_SDK_APP_ID);

const client = new TrtcClient({
  credential: { secretId: process.env.TENCENTCLOUD_SECRET_ID, secretKey: process.env.TENCENTCLOUD_SECRET_KEY },
  region: 'ap-guangzhou',
});

const RECORD_MODE_MIXED = 2;

async function startClassRecording(classId, recorderSig) {
  const { TaskId } = await client.CreateCloudRecording({
    SdkAppId: SDK_APP_ID,
    RoomId: String(classId),
    RoomIdType: 1,
    UserId: 'class_recorder',
    UserSig: recorderSig,
    RecordParams: { RecordMode: RECORD_MODE_MIXED, MaxIdleTime: 120, StreamType: 0 },
    StorageParams: { CloudVod: { TencentVod: { ExpireTime: 0 } } },
    MixTranscodeParams: {
      VideoParams: { Width: 1280, Height: 720, Fps: 15, BitRate: 1200000, Gop: 10 },
      AudioParams: { SampleRate: 1, Channel: 2, BitRate: 64000 },
    },
    MixLayoutParams: { MixLayoutMode: 2 },
  });
  return TaskId;
}

async function stopClassRecording(taskId) {
  await client.DeleteCloudRecording({ SdkAppId: SDK_APP_ID, TaskId: taskId });
}

module.exports = { startClassRecording, stopClassRecording };
