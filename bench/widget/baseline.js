// The minimal livekit-client page the widget is compared with: new Room(), connect, camera + mic on,
// remote video attached as it arrives. The token and URL come from the test (minted in Node).
import { Room, RoomEvent, Track } from '/lib/livekit-client.esm.mjs';

const button = document.getElementById('join');
const state = document.getElementById('state');
const videos = document.getElementById('videos');

const room = new Room();
window.baselineRoom = room;
const marks = (window.baselineMarks = {});
const mark = (name) => (marks[name] ??= performance.now());
room.on(RoomEvent.TrackSubscribed, (track) => {
  if (track.kind === Track.Kind.Video) {
    mark('videoSubscribed');
    videos.append(track.attach());
  }
  else if (track.kind === Track.Kind.Audio) document.body.append(track.attach());
});
room.on(RoomEvent.ConnectionStateChanged, (s) => (state.textContent = s));

button.addEventListener('click', async () => {
  button.disabled = true;
  mark('click');
  const { url, token } = window.baselineCredentials;
  await room.connect(url, token);
  mark('connected');
  await room.localParticipant.enableCameraAndMicrophone();
  mark('published');
  state.dataset.published = 'true';
});
button.disabled = false;
