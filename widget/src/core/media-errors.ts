/**
 * Classify getUserMedia / device errors into a few cases a person can act on.
 */

export type MediaErrorCode =
  | 'permission_denied'
  | 'blocked_by_frame'
  | 'no_device'
  | 'device_busy'
  | 'insecure_context'
  | 'unsupported'
  | 'media_error';

export interface MediaEnvironment {
  /** Page is inside an iframe. */
  framed: boolean;
  /** Whether the permissions policy allows the feature; undefined when unknown. */
  policyAllows: (feature: 'camera' | 'microphone') => boolean | undefined;
  secure: boolean;
}

interface PolicyDoc { allowsFeature?: (f: string) => boolean }

export function browserMediaEnvironment(): MediaEnvironment {
  let framed = false;
  try { framed = window.self !== window.top; } catch { framed = true; }
  const doc = document as unknown as { permissionsPolicy?: PolicyDoc; featurePolicy?: PolicyDoc };
  const policy = doc.permissionsPolicy ?? doc.featurePolicy;
  return {
    framed,
    secure: globalThis.isSecureContext !== false,
    policyAllows: (feature) => {
      try { return policy?.allowsFeature ? policy.allowsFeature(feature) : undefined; } catch { return undefined; }
    },
  };
}

export function classifyMediaError(
  err: unknown,
  kinds: readonly ('camera' | 'microphone')[] = ['camera', 'microphone'],
  env: MediaEnvironment = browserMediaEnvironment(),
): MediaErrorCode {
  if (!env.secure) return 'insecure_context';
  const name = (err as { name?: unknown } | null)?.name;
  const message = String((err as { message?: unknown } | null)?.message ?? '');
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError': {
      const blocked = kinds.some((k) => env.policyAllows(k) === false);
      if (blocked || (env.framed && /policy/i.test(message))) return 'blocked_by_frame';
      return 'permission_denied';
    }
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
    case 'ConstraintNotSatisfiedError':
      return 'no_device';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'device_busy';
    case 'TypeError':
      if (!globalThis.navigator?.mediaDevices) return 'unsupported';
      return 'media_error';
    default:
      if (!globalThis.navigator?.mediaDevices?.getUserMedia) return 'unsupported';
      return 'media_error';
  }
}
