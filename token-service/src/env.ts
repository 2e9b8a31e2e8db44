import type { Invitations } from './invitations/invitations.js';
import type { Logger } from './logger.js';
import type { Meetings } from './meetings.js';
import type { User } from './model.js';

/** Hono's context variables, shared by every router. */
export interface AppEnv {
  Variables: {
    requestId: string;
    user: User;
    /** The request's logger (a child carrying the request id). */
    log: () => Logger;
    meetings: Meetings;
    invitations: Invitations;
  };
}
