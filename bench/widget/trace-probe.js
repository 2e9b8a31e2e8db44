// Init script added to both participants' pages when the widget benchmark runs with BENCH_TRACE=1 (diagnosis, not
// measurement). It records, with wall-clock times (performance.timeOrigin + now, comparable across the pages of one
// browser), what happens between a Join click and the first remote frame:
//   - every signalling WebSocket message (binary, base64: run.mjs decodes them with @livekit/protocol);
//   - RTCPeerConnection offers/answers (m-sections with their direction), signalling/ICE/DTLS/connection states,
//     `track` events, and RTCRtpSender.setParameters (which simulcast layers are active: dynacast);
//   - every 50 ms, getStats: inbound video (frames received/decoded, keyframes decoded, PLI/FIR sent) and outbound
//     video per layer (frames/keyframes encoded, PLI/FIR received, active);
//   - the first frame of each remote and local <video> (requestVideoFrameCallback).
(() => {
  const now = () => Math.round((performance.timeOrigin + performance.now()) * 10) / 10;
  const log = (window.__trace = []);
  const ev = (kind, data) => log.push({ t: now(), kind, ...data });
  const b64 = (buf) => {
    const bytes = new Uint8Array(buf);
    let s = '';
    for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
    return btoa(s);
  };

  // Network requests (the service's /join, the lazily loaded livekit-client chunk) and main-thread long tasks.
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const at = Math.round(performance.timeOrigin + e.startTime);
        if (e.entryType === 'longtask') log.push({ t: at, kind: 'longtask', ms: Math.round(e.duration) });
        else if (/livekit|\/join|\/room/.test(e.name)) log.push({ t: at, kind: 'fetch', url: new URL(e.name).pathname, ms: Math.round(e.responseEnd - e.startTime) });
      }
    }).observe({ entryTypes: ['longtask', 'resource'] });
  } catch {}
  const md = navigator.mediaDevices;
  if (md?.getUserMedia) {
    const gum = md.getUserMedia.bind(md);
    md.getUserMedia = async (c) => {
      const what = Object.keys(c ?? {}).filter((k) => c[k]).join('+');
      ev('gum-start', { what });
      const s = await gum(c);
      ev('gum-done', { what });
      return s;
    };
  }

  const NativeWS = window.WebSocket;
  window.WebSocket = class extends NativeWS {
    constructor(url, protocols) {
      super(url, protocols);
      const signal = /\/rtc/.test(String(url));
      if (!signal) return;
      ev('ws-open-start', { url: String(url).replace(/access_token=[^&]+/, 'access_token=…').slice(0, 120) });
      this.addEventListener('open', () => ev('ws-open', {}));
      this.addEventListener('message', (m) => {
        if (m.data instanceof ArrayBuffer) ev('ws-in', { b64: b64(m.data) });
        else if (m.data instanceof Blob) m.data.arrayBuffer().then((b) => ev('ws-in', { b64: b64(b) }));
        else ev('ws-in-text', { text: String(m.data).slice(0, 200) });
      });
      const send = this.send.bind(this);
      this.send = (data) => {
        if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) ev('ws-out', { b64: b64(ArrayBuffer.isView(data) ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : data) });
        return send(data);
      };
    }
  };

  const sections = (sdp) =>
    (sdp ?? '')
      .split(/\r?\nm=/)
      .slice(1)
      .map((m) => {
        const kind = m.split(' ')[0];
        const dir = (m.match(/a=(sendrecv|sendonly|recvonly|inactive)/) ?? [])[1] ?? '';
        const mid = (m.match(/a=mid:(\S+)/) ?? [])[1] ?? '';
        const sim = /a=simulcast:/.test(m) ? '+sim' : '';
        return `${mid}:${kind}/${dir}${sim}`;
      })
      .join(' ');
  const pcs = (window.__tracePCs = []);
  const NativePC = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePC {
    constructor(...a) {
      super(...a);
      const id = pcs.push(this) - 1;
      ev('pc-new', { pc: id });
      for (const [evt, prop] of [['signalingstatechange', 'signalingState'], ['iceconnectionstatechange', 'iceConnectionState'], ['connectionstatechange', 'connectionState']]) {
        this.addEventListener(evt, () => ev('pc-state', { pc: id, what: prop, value: this[prop] }));
      }
      this.addEventListener('track', (e) => ev('pc-track', { pc: id, media: e.track.kind, mid: e.transceiver?.mid }));
      const sctp = () => {
        const dtls = this.sctp?.transport;
        if (dtls && !dtls.__traced) {
          dtls.__traced = true;
          dtls.addEventListener('statechange', () => ev('pc-state', { pc: id, what: 'dtls', value: dtls.state }));
        }
      };
      this.addEventListener('connectionstatechange', sctp);
      const wrap = (name) => {
        const orig = this[name].bind(this);
        this[name] = async (...args) => {
          const desc = args[0];
          if (name === 'setLocalDescription' || name === 'setRemoteDescription') ev('pc-' + name, { pc: id, type: desc?.type, m: sections(desc?.sdp) });
          const r = await orig(...args);
          if (name === 'createOffer' || name === 'createAnswer') ev('pc-' + name, { pc: id, m: sections(r?.sdp) });
          else ev('pc-' + name + '-done', { pc: id });
          return r;
        };
      };
      for (const n of ['createOffer', 'createAnswer', 'setLocalDescription', 'setRemoteDescription']) wrap(n);
    }
  };
  const setParameters = RTCRtpSender.prototype.setParameters;
  RTCRtpSender.prototype.setParameters = function (params, ...rest) {
    if (this.track?.kind === 'video') ev('sender-setParameters', { active: (params.encodings ?? []).map((e) => `${e.rid ?? '-'}:${e.active ? 'on' : 'off'}`).join(' ') });
    return setParameters.call(this, params, ...rest);
  };

  // First frames of every video element (local preview or remote).
  const seen = new WeakSet();
  const watchVideo = (video) => {
    const track = video.srcObject?.getVideoTracks?.()[0];
    if (!track || seen.has(track)) return;
    seen.add(track);
    video.requestVideoFrameCallback?.((_, meta) => ev('video-first-frame', { track: track.label.slice(0, 40), remote: !/fake|camera|Fake/i.test(track.label), w: meta.width, h: meta.height }));
  };
  const scan = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el instanceof HTMLVideoElement) watchVideo(el);
      if (el.shadowRoot) scan(el.shadowRoot);
    }
  };

  let last = '';
  const poll = async () => {
    if (document.body) scan(document);
    const rows = [];
    const keys = [];
    for (const [id, pc] of pcs.entries()) {
      if (pc.connectionState === 'closed') continue;
      let stats;
      try { stats = await pc.getStats(); } catch { continue; }
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') keys.push(`${id}i${s.mid}:${s.keyFramesDecoded}:${s.pliCount}:${s.firCount}:${(s.framesDecoded ?? 0) > 0}:${(s.packetsReceived ?? 0) > 0}`);
        if (s.type === 'outbound-rtp' && s.kind === 'video') keys.push(`${id}o${s.rid}:${s.active}:${s.keyFramesEncoded}:${s.pliCount}:${s.firCount}:${(s.framesEncoded ?? 0) > 0}`);
        if (s.type === 'inbound-rtp' && s.kind === 'video') rows.push(`pc${id} in mid${s.mid} pk${s.packetsReceived ?? 0} fr${s.framesReceived ?? 0} dec${s.framesDecoded ?? 0} kf${s.keyFramesDecoded ?? 0} pli${s.pliCount ?? 0} fir${s.firCount ?? 0} nack${s.nackCount ?? 0}`);
        if (s.type === 'outbound-rtp' && s.kind === 'video') rows.push(`pc${id} out ${s.rid ?? '-'} ${s.active === false ? 'off' : 'on'} enc${s.framesEncoded ?? 0} kf${s.keyFramesEncoded ?? 0} pli${s.pliCount ?? 0} fir${s.firCount ?? 0} ${s.frameWidth ?? 0}x${s.frameHeight ?? 0}`);
      });
    }
    const key = keys.join(' ');
    if (key !== last) {
      last = key;
      ev('stats', { line: rows.join(' | ') });
    }
  };
  setInterval(poll, 50);
})();
