// The other participants of the crowd benchmark: one livekit-client Room per participant in this one page, each
// publishing the fake camera (small simulcast layers) and the fake microphone (Chromium's beep: they all "talk").
import { Room, VideoPresets } from '/lib/livekit-client.esm.mjs';

const state = document.getElementById('state');
window.crowdRooms = [];

/** @param {{ url: string, tokens: string[] }} credentials */
window.joinCrowd = async ({ url, tokens }) => {
  for (const token of tokens) {
    const room = new Room({ adaptiveStream: false, dynacast: true, videoCaptureDefaults: { resolution: VideoPresets.h360.resolution } });
    await room.connect(url, token);
    await room.localParticipant.enableCameraAndMicrophone();
    window.crowdRooms.push(room);
    state.textContent = `${window.crowdRooms.length} connected`;
  }
};
