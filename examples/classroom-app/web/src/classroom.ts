// Browser client of the classroom: one live room per class.
import TRTC from 'trtc-sdk-v5';
import { fetchUserSig } from './api';

const SDK_APP_ID = 1400000000;

export type Role = 'teacher' | 'student';

export class Classroom {
  private readonly trtc = TRTC.create();

  constructor(private readonly classId: number, private readonly userId: string, private readonly role: Role) {}

  async join(): Promise<void> {
    const userSig = await fetchUserSig(this.userId);
    await this.trtc.enterRoom({
      sdkAppId: SDK_APP_ID,
      userId: this.userId,
      userSig,
      roomId: this.classId,
      scene: TRTC.TYPE.SCENE_LIVE,
      role: this.role === 'teacher' ? TRTC.TYPE.ROLE_ANCHOR : TRTC.TYPE.ROLE_AUDIENCE,
    });
    this.trtc.on(TRTC.EVENT.REMOTE_VIDEO_AVAILABLE, ({ userId, streamType }) => {
      this.trtc.startRemoteVideo({ userId, streamType, view: `video-${userId}-${streamType}` });
    });
    if (this.role === 'teacher') await this.startTeaching();
  }

  private async startTeaching(): Promise<void> {
    await this.trtc.startLocalAudio();
    await this.trtc.startLocalVideo({
      view: 'teacher-camera',
      option: { profile: '720p' },
    });
  }

  /** Slides: a screen share on the sub stream, smooth enough for text. */
  async shareSlides(): Promise<void> {
    await this.trtc.startScreenShare({ option: { profile: '1080p' } });
  }

  /** A student called on by the teacher speaks and shows their camera. */
  async raiseHand(): Promise<void> {
    await this.trtc.switchRole(TRTC.TYPE.ROLE_ANCHOR);
    await this.trtc.startLocalAudio();
    // Students publish a smaller camera than the teacher:
    // await this.trtc.startLocalVideo({ option: { profile: '1080p' } });
  }

  async leave(): Promise<void> {
    await this.trtc.exitRoom();
    this.trtc.destroy();
  }
}
