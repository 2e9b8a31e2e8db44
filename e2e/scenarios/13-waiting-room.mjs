// Waiting room: Alice hosts a room created with waiting_room and an invite link. Carol (not invited) opens the
// link, clicks "Rejoindre maintenant" and waits: her page says so and holds no token (no call). Alice sees the knock
// in her call and admits her: Carol's widget joins by itself and decodes Alice's video. David knocks with the same
// link; Alice refuses him: his widget says so, and the SFU never lists him.
import { serviceApi as api, assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, sfuParticipants, tokenOf, uniqueRoom } from '../helpers.mjs';
import { connectionState, waitConnected } from '../pages.mjs';

const identities = async (world, room) => (await sfuParticipants(world, room)).map((p) => p.identity);


export default {
  name: 'waiting-room',
  title: 'waiting room: knock → 202 without token → the host admits in the call → the guest decodes the host; refused → says so',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('lobby');
    const alice = await world.user('alice');
    const aliceToken = await tokenOf(alice.page);
    const created = await api(world, aliceToken, 'POST', '/api/livekit/rooms', { room_name: room, participants: [], waiting_room: true });
    assert(created.status === 201, `create answered ${created.status} ${JSON.stringify(created.json)}`);
    const link = await api(world, aliceToken, 'POST', `/api/livekit/rooms/${room}/invites`, { role: 'participant' });
    assert(link.status === 201, `invite answered ${link.status}`);
    const invitePath = `/meeting/invite${new URL(link.json.url).search}`;
    await joinRoomPage(world, alice, room);

    // Carol knocks.
    const carol = await world.user('carol');
    await carol.page.goto(`${world.stack.demoUrl}${invitePath}`, { waitUntil: 'domcontentloaded' });
    await inMeeting(carol.page, 'join-button').first().click();
    await inMeeting(carol.page, 'waiting').first().waitFor({ state: 'visible', timeout: 15_000 });
    const waitingText = await inMeeting(carol.page, 'waiting').first().textContent();
    world.log(`carol waits: ${waitingText?.replace(/\s+/g, ' ').trim()}`);
    assert(/Salle d'attente/.test(waitingText ?? ''), `the waiting message says ${JSON.stringify(waitingText)}`);
    assert((await connectionState(carol.page)) !== 'connected', 'carol is connected while waiting');
    const noRoom = await carol.page.evaluate(() => document.querySelector('urbania-meeting').livekitRoom === undefined);
    assert(noRoom, 'carol holds a livekit Room while waiting');
    assert(!(await identities(world, room)).includes('carol'), 'the SFU lists carol while she waits');
    // Asking for a token while waiting: none.
    const carolToken = await tokenOf(carol.page);
    const tokenTry = await api(world, carolToken, 'POST', '/api/livekit/token', { room_name: room });
    assert(tokenTry.status === 403 && !tokenTry.json?.token, `a token request while waiting answered ${tokenTry.status}`);

    // Alice sees the knock live and admits her.
    const knock = inMeeting(alice.page, 'lobby-knock').filter({ hasText: 'Carole' }).first();
    await knock.waitFor({ state: 'visible', timeout: 15_000 });
    await world.screenshot(alice.page, 'room-lobby-host');
    await world.screenshot(carol.page, 'waiting-room-guest');
    await knock.locator('[part~="admit-button"]').click();
    await waitConnected(carol.page, { clickJoin: false, timeoutMs: 30_000 });
    await expectRemoteVideoPlaying(carol.page, 'alice');
    await expectRemoteVideoPlaying(alice.page, 'carol');
    assert((await identities(world, room)).includes('carol'), 'the SFU does not list carol once admitted');

    // David knocks with the same link; Alice refuses.
    const david = await world.user('david');
    await david.page.goto(`${world.stack.demoUrl}${invitePath}`, { waitUntil: 'domcontentloaded' });
    await inMeeting(david.page, 'join-button').first().click();
    await inMeeting(david.page, 'waiting').first().waitFor({ state: 'visible', timeout: 15_000 });
    const davidKnock = inMeeting(alice.page, 'lobby-knock').filter({ hasText: 'David' }).first();
    await davidKnock.waitFor({ state: 'visible', timeout: 15_000 });
    await davidKnock.locator('[part~="refuse-button"]').click();
    const error = inMeeting(david.page, 'error').first();
    await error.waitFor({ state: 'visible', timeout: 15_000 });
    const code = await error.getAttribute('data-code');
    const text = await error.textContent();
    world.log(`david refused: ${code} ${text?.trim()}`);
    assert(code === 'knock_refused', `david's error is ${code}`);
    assert(/ne vous a pas fait entrer/.test(text ?? ''), `david's message says ${JSON.stringify(text)}`);
    // Refused: no rejoin button (a rejoin cannot work).
    assert((await inMeeting(david.page, 'rejoin-button').count()) === 0, 'david is offered a rejoin after the refusal');
    await world.screenshot(david.page, 'waiting-room-refused');
    assert(!(await identities(world, room)).includes('david'), 'the SFU lists david');
  },
};
