/**
 * The one error mapping of the widget: a service failure, a camera/microphone failure or a call (SFU) failure
 * becomes one `FlowError` — a stable `code` (the public `urbania-error` code) and the i18n `key` of its message.
 * Every view shows errors through `formatFlowError`; no other code turns an exception into a message.
 */
import { errorKey, type MessageKey, type Translate } from '../i18n/index.js';
import { ServiceError } from './service-client.js';
import { classifyMediaError, type MediaErrorCode } from './media-errors.js';

export type Device = 'camera' | 'microphone';

export interface FlowError {
  /** Stable machine code: a service code, a media code, `room_name_invalid`, `connection_failed` or `unknown`. */
  readonly code: string;
  /** The catalogue key of the localized message (`error.unknown` for codes without their own message). */
  readonly key: MessageKey;
  /** For media errors: which device. */
  readonly device?: Device | undefined;
  /** Technical detail (the service's message, the exception text); shown only by messages that take `{message}`. */
  readonly detail?: string | undefined;
}

/** An error raised by the widget itself with a known code (validation, connection to the call, devices). */
export class MeetingError extends Error {
  override readonly name = 'MeetingError';
  constructor(readonly code: string, message = code, readonly device?: Device, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const MEDIA_EXCEPTIONS = new Set([
  'NotAllowedError', 'PermissionDeniedError', 'SecurityError', 'NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError',
  'ConstraintNotSatisfiedError', 'NotReadableError', 'TrackStartError',
]);

export function flowError(code: string, detail?: string, device?: Device): FlowError {
  return { code, key: errorKey(code), device, detail };
}

/**
 * Map anything thrown or reported in the meeting flow to a FlowError.
 * - `ServiceError` (token service, network, auth): its code, the service's message as detail;
 * - `MeetingError`: its code (the flow tags call failures `connection_failed`, bad names `room_name_invalid`…);
 * - a getUserMedia exception (`NotAllowedError`…) with `device`: the media code for that device;
 * - anything else: `unknown`, with the exception's text as detail.
 */
export function toFlowError(err: unknown, device?: Device): FlowError {
  if (err instanceof ServiceError) return flowError(err.code, err.message);
  if (err instanceof MeetingError) return flowError(err.code, err.message, err.device ?? device);
  const name = (err as { name?: unknown } | null)?.name;
  if (device && typeof name === 'string' && MEDIA_EXCEPTIONS.has(name)) {
    return flowError(classifyMediaError(err, [device]), String((err as Error).message ?? ''), device);
  }
  return flowError('unknown', String((err as Error | null)?.message ?? err));
}

/** A media problem already classified (pre-join preview, in-call publish). */
export function mediaFlowError(device: Device, code: MediaErrorCode, detail?: string): FlowError {
  return flowError(code, detail, device);
}

/** The localized message of a FlowError. */
export function formatFlowError(e: FlowError, t: Translate): string {
  return t(e.key, {
    device: t(e.device === 'camera' ? 'device.camera' : 'device.microphone'),
    message: e.detail ?? e.code,
  });
}
