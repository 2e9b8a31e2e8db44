import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import styles from './pre-join.styles.js';
import { translator, type Locale } from '../../i18n/index.js';
import { formatFlowError, mediaFlowError } from '../../core/flow-error.js';
import { MediaPreviewController } from '../../controllers/media-preview-controller.js';
import { loadUserChoices } from '../../core/user-choices.js';
import type { MediaErrorCode } from '../../core/media-errors.js';

export type PreJoinCallType = 'video' | 'audio' | 'webinar';

export interface Contact { id: string; name: string }

export interface PreJoinSubmitDetail {
  roomName: string;
  callType: PreJoinCallType;
  participants: string[];
  speakers: string[];
  /** Webinar: the audience may write in the chat. */
  audienceChat: boolean;
  displayName: string;
  audioEnabled: boolean;
  videoEnabled: boolean;
  audioDeviceId: string;
  videoDeviceId: string;
  audioOutputId: string;
}

export interface PreJoinMediaErrorDetail { kind: 'camera' | 'microphone'; code: MediaErrorCode }

declare global {
  interface HTMLElementEventMap {
    'prejoin-submit': CustomEvent<PreJoinSubmitDetail>;
    'prejoin-media-error': CustomEvent<PreJoinMediaErrorDetail>;
  }
}

/**
 * Internal pre-join view: room name, call type, participants, display name, devices, preview.
 * Fires internal (non-composed) `prejoin-submit` and `prejoin-media-error` events to <urbania-meeting>.
 * Uses plain navigator.mediaDevices; never imports livekit-client.
 *
 * @csspart prejoin - The form.
 * @csspart room-name-input - Room name input.
 * @csspart call-type-select - Call type select (video | audio | webinar).
 * @csspart contact - One label per contact checkbox (`data-id`).
 * @csspart speaker - Webinar "intervenant" tick of a picked contact (`data-id`).
 * @csspart audience-chat-toggle - Webinar "the audience may write in the chat" checkbox.
 * @csspart display-name-input - Display name input.
 * @csspart preview - Camera preview box.
 * @csspart preview-video - Camera preview `<video>`.
 * @csspart preview-camera-toggle - "Camera on" checkbox.
 * @csspart preview-mic-toggle - "Microphone on" checkbox.
 * @csspart mic-level - Microphone level meter.
 * @csspart media-error - Device problem message.
 * @csspart videoinput-select - Camera choice.
 * @csspart audioinput-select - Microphone choice.
 * @csspart audiooutput-select - Speaker choice (where the browser can choose an output).
 * @csspart start-button - "Démarrer l'appel".
 */
export class UrbaniaPreJoin extends LitElement {
  static override styles = [sharedStyles, styles];

  @property() locale: Locale = 'fr';
  @property({ attribute: false }) contacts: Contact[] = [];
  @property({ attribute: false }) roomName = '';
  @property({ attribute: false }) callType: PreJoinCallType = 'video';
  @property({ type: Boolean }) busy = false;
  /** Skip getUserMedia entirely (tests, or pages that want no preview). */
  @property({ type: Boolean, attribute: 'no-preview' }) noPreview = false;

  @state() private picked = new Set<string>();
  @state() private speakers = new Set<string>();
  @state() private audienceChat = false;
  @state() private displayName = '';
  @state() private audioEnabled = true;
  @state() private videoEnabled = true;
  @state() private audioDeviceId = '';
  @state() private videoDeviceId = '';
  @state() private audioOutputId = '';

  private readonly media = new MediaPreviewController(this, (kind, code) => {
    this.dispatchEvent(new CustomEvent('prejoin-media-error', { detail: { kind, code }, bubbles: true }));
  });

  override connectedCallback(): void {
    super.connectedCallback();
    const c = loadUserChoices();
    this.displayName = c.displayName;
    this.audioEnabled = c.audioEnabled;
    this.videoEnabled = c.videoEnabled;
    this.audioDeviceId = c.audioDeviceId;
    this.videoDeviceId = c.videoDeviceId;
    this.audioOutputId = c.audioOutputId;
  }

  /** Stop the preview tracks now (before livekit-client opens its own). */
  stopPreview(): void {
    this.media.stop();
  }

  private get wantsVideo(): boolean {
    return this.callType !== 'audio';
  }

  protected override updated(): void {
    if (this.noPreview) return;
    this.media.update({
      audio: this.audioEnabled,
      video: this.wantsVideo && this.videoEnabled,
      audioDeviceId: this.audioDeviceId || undefined,
      videoDeviceId: this.videoDeviceId || undefined,
    });
    const video = this.renderRoot.querySelector<HTMLVideoElement>('video[part="preview-video"]');
    if (video && video.srcObject !== (this.media.stream ?? null)) {
      video.srcObject = this.media.stream ?? null;
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    const form = e.target as HTMLFormElement;
    const name = (form.querySelector('[part="room-name-input"]') as HTMLInputElement).value.trim();
    const detail: PreJoinSubmitDetail = {
      roomName: name,
      callType: this.callType,
      participants: this.contacts.filter((c) => this.picked.has(c.id)).map((c) => c.id),
      speakers: this.callType === 'webinar' ? this.contacts.filter((c) => this.picked.has(c.id) && this.speakers.has(c.id)).map((c) => c.id) : [],
      audienceChat: this.callType === 'webinar' && this.audienceChat,
      displayName: this.displayName.trim(),
      audioEnabled: this.audioEnabled,
      videoEnabled: this.wantsVideo && this.videoEnabled,
      audioDeviceId: this.audioDeviceId,
      videoDeviceId: this.videoDeviceId,
      audioOutputId: this.audioOutputId,
    };
    this.dispatchEvent(new CustomEvent('prejoin-submit', { detail, bubbles: true }));
  }

  private warm(): void {
    this.dispatchEvent(new CustomEvent('join-warmup', { bubbles: true }));
  }

  private toggle(set: 'picked' | 'speakers', id: string, on: boolean): void {
    const next = new Set(this[set]);
    if (on) next.add(id); else next.delete(id);
    this[set] = next;
  }

  private mediaError(t: ReturnType<typeof translator>, kind: 'camera' | 'microphone', code: MediaErrorCode | undefined) {
    if (!code) return nothing;
    return html`<p class="media-error" part="media-error" role="alert">${formatFlowError(mediaFlowError(kind, code), t)}</p>`;
  }

  private deviceSelect(label: string, kind: 'audioinput' | 'videoinput' | 'audiooutput', value: string, onChange: (v: string) => void, t: ReturnType<typeof translator>) {
    const list = this.media.devices[kind];
    return html`<label class="field"><span>${label}</span>
      <select part="${kind}-select" .value=${value} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${t('prejoin.defaultDevice')}</option>
        ${list.map((d, i) => html`<option value=${d.deviceId} ?selected=${d.deviceId === value}>${d.label || `${label} ${i + 1}`}</option>`)}
      </select></label>`;
  }

  protected override render() {
    const t = translator(this.locale);
    const webinar = this.callType === 'webinar';
    const canSink = typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
    return html`
      <form part="prejoin" lang=${this.locale} aria-labelledby="title" @submit=${this.submit} novalidate>
        <h2 id="title">${t('prejoin.title')}</h2>
        <div class="settings">
          <label class="field"><span>${t('prejoin.roomName')}</span>
            <input part="room-name-input" name="room_name" autocomplete="off" .value=${this.roomName}
              maxlength="64" aria-describedby="room-hint" required />
            <span id="room-hint" class="hint muted-text">${t('prejoin.roomNameHint')}</span>
          </label>
          <label class="field"><span>${t('prejoin.callType')}</span>
            <select part="call-type-select" name="call_type" .value=${this.callType}
              @change=${(e: Event) => { this.callType = (e.target as HTMLSelectElement).value as PreJoinCallType; }}>
              <option value="video" ?selected=${this.callType === 'video'}>${t('callType.video')}</option>
              <option value="audio" ?selected=${this.callType === 'audio'}>${t('callType.audio')}</option>
              <option value="webinar" ?selected=${webinar}>${t('callType.webinar')}</option>
            </select>
          </label>
          <fieldset>
            <legend>${t('prejoin.participants')}</legend>
            ${webinar
              ? html`<p class="hint muted-text">${t('prejoin.webinarHint')}</p>
                <label class="check" part="audience-chat-toggle">
                  <input type="checkbox" .checked=${this.audienceChat}
                    @change=${(e: Event) => { this.audienceChat = (e.target as HTMLInputElement).checked; }} />
                  ${t('prejoin.audienceChat')}
                </label>`
              : nothing}
            ${this.contacts.length === 0
              ? html`<p class="muted-text">${t('prejoin.noContacts')}</p>`
              : html`<ul>${this.contacts.map((c) => html`<li>
                  <label class="check" part="contact" data-id=${c.id}>
                    <input type="checkbox" .checked=${this.picked.has(c.id)}
                      @change=${(e: Event) => this.toggle('picked', c.id, (e.target as HTMLInputElement).checked)} />
                    ${c.name}
                  </label>
                  ${webinar && this.picked.has(c.id)
                    ? html`<label class="check" part="speaker" data-id=${c.id}>
                        <input type="checkbox" aria-label=${t('prejoin.speakerOf', { name: c.name })} .checked=${this.speakers.has(c.id)}
                          @change=${(e: Event) => this.toggle('speakers', c.id, (e.target as HTMLInputElement).checked)} />
                        <span aria-hidden="true">${t('prejoin.speaker')}</span>
                      </label>`
                    : nothing}
                </li>`)}</ul>`}
          </fieldset>
          <label class="field"><span>${t('prejoin.displayName')}</span>
            <input part="display-name-input" name="display_name" autocomplete="name" maxlength="128" .value=${this.displayName}
              @input=${(e: Event) => { this.displayName = (e.target as HTMLInputElement).value; }} />
          </label>
        </div>
        <div class="media">
          ${this.wantsVideo
            ? html`<div class="preview" part="preview">
                ${this.media.stream?.getVideoTracks().length
                  ? html`<video part="preview-video" aria-label=${t('prejoin.preview')} autoplay playsinline muted></video>`
                  : html`<span>${t('prejoin.noPreview')}</span>`}
              </div>
              <label class="check"><input type="checkbox" part="preview-camera-toggle" .checked=${this.videoEnabled}
                @change=${(e: Event) => { this.videoEnabled = (e.target as HTMLInputElement).checked; }} />${t('prejoin.cameraOn')}</label>
              ${this.mediaError(t, 'camera', this.media.videoError)}`
            : nothing}
          <label class="check"><input type="checkbox" part="preview-mic-toggle" .checked=${this.audioEnabled}
            @change=${(e: Event) => { this.audioEnabled = (e.target as HTMLInputElement).checked; }} />${t('prejoin.micOn')}</label>
          <meter part="mic-level" min="0" max="1" .value=${this.media.level} aria-label=${t('prejoin.micLevel')}></meter>
          ${this.mediaError(t, 'microphone', this.media.audioError)}
          <div class="devices">
            ${this.wantsVideo ? this.deviceSelect(t('prejoin.camera'), 'videoinput', this.videoDeviceId, (v) => { this.videoDeviceId = v; }, t) : nothing}
            ${this.deviceSelect(t('prejoin.microphone'), 'audioinput', this.audioDeviceId, (v) => { this.audioDeviceId = v; }, t)}
            ${canSink ? this.deviceSelect(t('prejoin.speakerOutput'), 'audiooutput', this.audioOutputId, (v) => { this.audioOutputId = v; }, t) : nothing}
          </div>
        </div>
        <div class="actions">
          <button part="start-button" class="primary" type="submit" ?disabled=${this.busy} aria-busy=${this.busy ? 'true' : 'false'}
            @pointerenter=${this.warm} @focus=${this.warm}>
            ${this.busy ? t('prejoin.starting') : t('prejoin.start')}
          </button>
        </div>
      </form>
    `;
  }
}
