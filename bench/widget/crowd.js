// The other participants of the crowd benchmark: one livekit-client Room per participant in this one page, each
// publishing the fake camera (small simulcast layers) and the fake microphone (Chromium's beep: they all "talk").
import { Room, VideoPresets } from '/lib/livekit-client.esm.mjs';

const state = document.getElementById('state');
window.crowdRooms = [];

/** @param {{ url: string, tokens: string[] }} credentials */
window.joinCrowd = async ({ url, tokens }) => {
  // Small and single-layer: their encoders share the 2 cores with the page measured.
  const connect = async (token) => {
    const room = new Room({
      adaptiveStream: false,
      dynacast: true,
      videoCaptureDefaults: { resolution: VideoPresets.h180.resolution },
      publishDefaults: { simulcast: false },
    });
    await room.connect(url, token);
    return room;
  };
  for (const token of tokens) {
    // A connection can time out while the machine is busy encoding for the others: one more try, on a new Room.
    const room = await connect(token).catch(() => connect(token));
    await room.localParticipant.enableCameraAndMicrophone();
    window.crowdRooms.push(room);
    state.textContent = `${window.crowdRooms.length} connected`;
  }
};
