// What the init scripts (e2e/page-probe.js, bench/widget/first-frame-probe.js, bench/widget/baseline.js) and the
// scenarios put on the pages' window, as seen from page.evaluate() callbacks typechecked by the root tsconfig.json.
export {};

declare global {
  interface Window {
    /** e2e/page-probe.js: getUserMedia calls, CSP violations, a shadow-piercing query. */
    __e2e: any;
    /** bench/widget/first-frame-probe.js: timestamps of the first remote frame. */
    __probe: any;
    /** bench/widget/trace-probe.js (BENCH_TRACE=1): the page's timeline. */
    __trace: any;
    /** Set by scenarios that listen for urbania-left / connection states. */
    __left: any;
    __states: any;
    /** The chat scenario: urbania-chat-message events seen, a flag an injected onerror would set, e2e/lk-chat-page.html. */
    __chatEvents: any[];
    __chatXss: any;
    lkChat: any;
    /** e2e/scenarios/10-screen-share.mjs: urbania-screen-share-* events seen by the page. */
    __shareEvents: any;
    /** e2e/scenarios/12-hands.mjs: urbania-hand-raised / -lowered events seen by the page. */
    __hands: any[];
    /** e2e/scenarios/11-call-notifier.mjs: urbania-call-invited events seen by the page, with their time. */
    __rings: any[];
    /** e2e/scenarios/15-roles.mjs: Bob's livekit Room before he is made co-host (the same one after: no rejoin). */
    __roomBefore: any;
    /** e2e/scenarios/13-devices-stats.mjs: urbania-device-changed events seen by the page. */
    __deviceEvents: any[];
    /** e2e/scenarios/12-speaker-focus.mjs: active speakers seen by the page; Chromium's Document Picture-in-Picture API. */
    __speakers: any;
    documentPictureInPicture: any;
    /** axe-core, injected by the accessibility scenario. */
    axe: any;
    /** bench/widget/baseline.js */
    baselineCredentials: { url: string; token: string };
    baselineMarks: any;
    baselineRoom: any;
    /** bench/widget/crowd.mjs and crowd.js: long tasks and participant log of the room view; the simulated participants. */
    __longTasks: [number, number][];
    __roomLog: string[];
    joinCrowd: (options: { url: string; tokens: string[]; attempts?: number; failFirst?: number[]; subscribe?: boolean }) => Promise<any>;
    crowdRooms: any[];
    crowdLog: any[];
    crowdEvents: [number, number, string, string][];
    crowdJoin: Promise<unknown>;
    crowdResult: any;
  }
}

/** The widget element as page callbacks see it (its public API is typed in widget/; here only what tests read). */
interface UrbaniaMeetingElementForTests extends HTMLElement {
  /** livekit-client's Room of the call in progress (the element exposes it for tests and advanced hosts). */
  livekitRoom: any;
  sendChatMessage(text: string): Promise<void>;
  raiseHand(): Promise<void>;
  lowerHand(identity?: string): Promise<void>;
  setDevice(kind: 'audioinput' | 'videoinput' | 'audiooutput', deviceId: string): Promise<void>;
}

declare global {
  interface HTMLElementTagNameMap {
    'urbania-meeting': UrbaniaMeetingElementForTests;
  }
  interface HTMLElementEventMap {
    'urbania-left': CustomEvent<any>;
    'urbania-error': CustomEvent<any>;
    'urbania-chat-message': CustomEvent<any>;
  }
}
