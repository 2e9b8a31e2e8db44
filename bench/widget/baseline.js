// The minimal livekit-client page the widget is compared with: new Room(), connect, camera + mic on,
// remote video attached as it arrives. The token and URL come from the test (minted in Node).
import { Room, RoomEvent, Track } from '/lib/livekit-client.esm.mjs';

const button = document.getElementById('join');
const state = document.getElementById('state');
const videos = document.getElementById('videos');

const room = new Room();
window.baselineRoom = room;
room.on(RoomEvent.TrackSubscribed, (track) => {
  if (track.kind === Track.Kind.Video) videos.append(track.attach());
  else if (track.kind === Track.Kind.Audio) document.body.append(track.attach());
});
room.on(RoomEvent.ConnectionStateChanged, (s) => (state.textContent = s));

button.addEventListener('click', async () => {
  button.disabled = true;
  const { url, token } = window.baselineCredentials;
  await room.connect(url, token);
  await room.localParticipant.enableCameraAndMicrophone();
  state.dataset.published = 'true';
});
button.disabled = false;
