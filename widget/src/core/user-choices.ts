/**
 * Remembered pre-join choices (after components-js `persistent-storage/user-choices.ts`).
 * Namespaced in localStorage; any storage error (private mode, quota, blocked cookies, bad JSON) is ignored.
 */

export interface UserChoices {
  displayName: string;
  audioDeviceId: string;
  videoDeviceId: string;
  audioOutputId: string;
  audioEnabled: boolean;
  videoEnabled: boolean;
}

export const DEFAULT_USER_CHOICES: Readonly<UserChoices> = Object.freeze({
  displayName: '',
  audioDeviceId: '',
  videoDeviceId: '',
  audioOutputId: '',
  audioEnabled: true,
  videoEnabled: true,
});

export const STORAGE_KEY = 'urbania-meet:user-choices:v1';

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStorage(): StorageLike | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function loadUserChoices(storage: StorageLike | undefined = defaultStorage(), key = STORAGE_KEY): UserChoices {
  const result: UserChoices = { ...DEFAULT_USER_CHOICES };
  try {
    const raw = storage?.getItem(key);
    if (!raw) return result;
    const data = JSON.parse(raw) as Record<string, unknown>;
    if (!data || typeof data !== 'object') return result;
    for (const k of Object.keys(DEFAULT_USER_CHOICES) as (keyof UserChoices)[]) {
      const v = data[k];
      if (typeof v === typeof DEFAULT_USER_CHOICES[k]) (result as unknown as Record<string, unknown>)[k] = v;
    }
  } catch {
    /* corrupt or unavailable storage: defaults */
  }
  return result;
}

export function saveUserChoices(
  choices: Partial<UserChoices>,
  storage: StorageLike | undefined = defaultStorage(),
  key = STORAGE_KEY,
): UserChoices {
  const merged = { ...loadUserChoices(storage, key), ...choices };
  try {
    storage?.setItem(key, JSON.stringify(merged));
  } catch {
    /* quota / blocked: keep going */
  }
  return merged;
}
