// GENERATED FILE, do not edit. Source: the token service's zod schemas (token-service/src/schemas.ts),
// through its /openapi.json. Regenerate with `npm run contract` (the widget build does it too);
// token-service/test/contract.test.ts fails when this file is stale.
// Types only, plus the few values the widget needs at run time (no zod, no runtime library).

export interface paths {
    "/api/livekit/rooms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My rooms: created by me or invited (paginated)
         * @description Newest first, `limit` per page (default 50, at most 100); follow `next_cursor`. Ended rooms stay listed for `ENDED_ROOM_RETENTION_SECONDS`.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    /** @description The previous page's `next_cursor` */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description My rooms, newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RoomList"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a room (the creator is always a participant)
         * @description Safe to retry: the same creator sending the same body again (for instance after a 503 whose write was stored anyway) gets the room back (201, `Idempotent-Replayed: true`), never 409. Another user, or another body, for a taken name: 409 `room_exists`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description Makes retries safe: a create repeated with the same key and body answers the room it created (201, `Idempotent-Replayed: true`); the same key with another body answers 409 `idempotency_key_reused`. Keys are remembered 24 h, per user. */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateRoomRequest"];
                };
            };
            responses: {
                /** @description The room (created now, or by an earlier attempt of the same request) */
                201: {
                    headers: {
                        /** @description `true` when an earlier attempt of this request created the room */
                        "Idempotent-Replayed"?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `room_exists`: the name is taken by another user or another request; `idempotency_key_reused`: the key was used for another request */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 16 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `rate_limited`: too many requests, or more new rooms this hour than `ROOMS_PER_HOUR` (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A room, with who is connected now
         * @description For its creator and invited users, for anyone with a valid `invite`, and for anyone signed in when the room is `open_to_link`. Everyone else gets 404 `room_not_found`, the same answer as for a room that does not exist.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The invite link secret, for users who are neither the creator nor invited */
                    invite?: string;
                };
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The room */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join a room: the room and a LiveKit token with this user’s grants
         * @description Same visibility as `GET /rooms/{room_name}`; guests send the invite link secret as `invite` and get the invite’s role. An ended room answers 410 `room_ended`. In a room created with `waiting_room`, a guest knocks: 202 `{status: "waiting"}` and no token until a host admits them (ask again, e.g. every 2 s); refused: 403 `knock_refused`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["JoinRequest"];
                };
            };
            responses: {
                /** @description Admission */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JoinResponse"];
                    };
                };
                /** @description In the waiting room: no token yet */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["JoinWaitingResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `room_ended`: a host ended the room */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `room_locked`: the host locked the room; no new joins */
                423: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End the room for everyone (host only): closed on the SFU, joins refused with 410 from now on */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ended (again: the first end’s time) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EndRoomResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Leave a room (removes the participant from the SFU) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Left */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LeaveResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/participants/{identity}/mute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mute a participant's microphone, camera or screen share on the SFU
         * @description Hosts only (the room’s creator and its co-hosts): 403 `forbidden` for everyone else who may see the room. A co-host acting on the creator: 403. 404 `participant_not_found` when they are not in the call, `track_not_found` when they publish no track of that source. They may unmute themselves.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    /** @description The participant's identity (their Urbania user id) */
                    identity: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MuteRequest"];
                };
            };
            responses: {
                /** @description Muted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MuteResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/participants/{identity}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove a participant from the call (their widget says the host removed them)
         * @description Hosts only (the room’s creator and its co-hosts): 403 `forbidden` for everyone else who may see the room. A co-host acting on the creator: 403. 404 `participant_not_found` when they are not in the call. Removal does not stop a rejoin: lock the room for that.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    /** @description The participant's identity (their Urbania user id) */
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RemoveResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/participants/{identity}/promote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Webinar: make an audience member a speaker, live (no rejoin)
         * @description Hosts only (the room’s creator and its co-hosts): 403 `forbidden` for everyone else who may see the room. A co-host acting on the creator: 403. Stored on the room (its speakers), so a rejoin keeps the role. A promote also lowers their raised hand; afterwards the room gets the server data packet `urbania.room` `{"type":"roles"}`. 400 for a room that is not a webinar, for the creator and for a co-host (who speaks as a host); 404 `participant_not_found` for someone neither in the call nor invited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    /** @description The participant's identity (their Urbania user id) */
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Their role now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StageResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/participants/{identity}/demote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Webinar: put a speaker back in the audience, live (the SFU stops their publications)
         * @description Hosts only (the room’s creator and its co-hosts): 403 `forbidden` for everyone else who may see the room. A co-host acting on the creator: 403. Stored on the room (its speakers), so a rejoin keeps the role. A promote also lowers their raised hand; afterwards the room gets the server data packet `urbania.room` `{"type":"roles"}`. 400 for a room that is not a webinar, for the creator and for a co-host (who speaks as a host); 404 `participant_not_found` for someone neither in the call nor invited.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    /** @description The participant's identity (their Urbania user id) */
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Their role now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StageResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock the room: no new joins, even with an invite
         * @description Hosts only (the room’s creator and its co-hosts): 403 `forbidden` for everyone else who may see the room. A co-host acting on the creator: 403. A join of a locked room answers 423 `room_locked` to everyone but the host and those in the call; tokens already handed out stay valid.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The room */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock the room
         * @description Hosts only (the room’s creator and its co-hosts): 403 `forbidden` for everyone else who may see the room. A co-host acting on the creator: 403. A join of a locked room answers 423 `room_locked` to everyone but the host and those in the call; tokens already handed out stay valid.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The room */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/co-hosts/{identity}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Make someone a co-host (creator only)
         * @description Co-hosts do what the creator does (invites, end, waiting room, mute/remove/lock, stage, hands, Q&A) except act on the creator and manage co-hosts. Creator only: 403 `forbidden` for co-hosts and everyone else who may see the room, 404 for those who may not. 404 `participant_not_found` when the person is neither a member, nor a guest admitted with an invite or from the waiting room, nor in the call; 400 for the creator. Stored (the role only: a guest made co-host stays a guest), applied live to their permissions when they are in the call, then a server data packet on `urbania.room` `{"type":"roles"}` tells the whole room. Idempotent.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    /** @description The participant's identity (their Urbania user id) */
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The room, with its `co_hosts` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        /**
         * Take the co-host role away (creator only)
         * @description Co-hosts do what the creator does (invites, end, waiting room, mute/remove/lock, stage, hands, Q&A) except act on the creator and manage co-hosts. Creator only: 403 `forbidden` for co-hosts and everyone else who may see the room, 404 for those who may not. 404 `participant_not_found` when the person is neither a member, nor a guest admitted with an invite or from the waiting room, nor in the call; 400 for the creator. Stored (the role only: a guest made co-host stays a guest), applied live to their permissions when they are in the call, then a server data packet on `urbania.room` `{"type":"roles"}` tells the whole room. Idempotent.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    /** @description The participant's identity (their Urbania user id) */
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The room, with its `co_hosts` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Room"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an invite link (host only)
         * @description The secret is shown once (only its hash is stored). `audience` invites are for webinars only (400 otherwise). `max_uses` counts different users: someone coming back with the same link does not use it up.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateInviteRequest"];
                };
            };
            responses: {
                /** @description The invite link */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invite"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `room_ended`: a host ended the room */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 16 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/invites/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an invite link (host only): it stops working at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevokeInviteResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/knocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is waiting to be let in (host only), first come first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Waiting guests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnockList"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/knocks/{identity}/admit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Let a waiting guest in (host only): their next join gets a token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The knock after the decision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnockDecision"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/knocks/{identity}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refuse a waiting guest (host only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The knock after the decision */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["KnockDecision"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A LiveKit access token for a room I may join (the seed guide’s endpoint) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenRequest"];
                };
            };
            responses: {
                /** @description Token */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `room_ended`: a host ended the room */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 16 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/token-source": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** LiveKit’s standard token endpoint shape, for livekit-client’s token sources */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TokenSourceRequest"];
                };
            };
            responses: {
                /** @description Token */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenSourceResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `room_ended`: a host ended the room */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 16 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/participants/{identity}/lower-hand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lower a participant's raised hand (host only)
         * @description A raised hand is the participant attribute `handRaisedAt` (ISO 8601 time the hand went up), set by the participant itself with livekit-client; this deletes it on the SFU, and every participant sees the change. Only a host (the creator or a co-host) may call it (403 `forbidden` otherwise). A participant who is not in the call answers 200 too: no hand is up.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    identity: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The hand is down */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LowerHandResponse"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The room's recent chat messages (history for late joiners), oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description The newest messages to return (also capped by the room bound) */
                    limit?: number;
                };
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The newest messages within the retention */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatHistory"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Keep a chat message I have just sent on lk.chat, for those who join later
         * @description The author is always the caller (their identity, and their name in the call). Allowed to whoever may write in the room's chat: not a webinar's audience unless the room has `audience_chat` (403). The same `id` sent again by the same author answers 200 with the message stored the first time. The room keeps its newest messages only (CHAT_HISTORY_MAX_MESSAGES) for CHAT_HISTORY_RETENTION_SECONDS.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PostChatMessageRequest"];
                };
            };
            responses: {
                /** @description Already stored (a retry): the first copy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatHistoryMessage"];
                    };
                };
                /** @description Stored */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChatHistoryMessage"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 16 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The room’s questions, most voted first, then oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The questions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuestionList"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Ask a question (Q&A); anyone who may see the room, a webinar’s audience included */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PostQuestionRequest"];
                };
            };
            responses: {
                /** @description The question */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 16 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/questions/{question_id}/vote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vote for a question (once per user; voting again changes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    question_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The question with its votes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown room, or not visible to this user (`room_not_found`); unknown question (`not_found`) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Take back my vote (nothing changes when there was none) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    question_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The question with its votes */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown room, or not visible to this user (`room_not_found`); unknown question (`not_found`) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/questions/{question_id}/answered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a question answered (host only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    question_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The question */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Question"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown room, or not visible to this user (`room_not_found`); unknown question (`not_found`) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/rooms/{room_name}/questions/{question_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a question (the host or its author) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                    question_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeletedQuestion"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown room, or not visible to this user (`room_not_found`); unknown question (`not_found`) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * LiveKit webhooks (signed by LiveKit: `Authorization` is a bare JWT over the raw body)
         * @description The signature is checked first, on the raw body (401 when it is missing or wrong); only a signed body is then read as a LiveKit event (400 when it is not one). Bodies up to 1 MB.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/webhook+json": {
                        event: string;
                        id: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Received (duplicate: true when the event id was already processed) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            received: true;
                            duplicate: boolean;
                        };
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 1 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/events/ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A ticket to open my events stream (EventSource cannot send the Authorization header) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A single-use ticket, valid a few seconds */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventsTicket"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My live events (server-sent events): invitations that ring
         * @description Authenticated by `?ticket=` (from `POST /api/livekit/events/ticket`), never by the Urbania token. Events: `ready` (`{ user_id, heartbeat_seconds }`, once), `invitation` (`Invitation`), `invitation_answered` (`InvitationAnswered`). A comment line (`: heartbeat`) comes every 15 s. A dropped stream needs a new ticket to reconnect.
         */
        get: {
            parameters: {
                query?: {
                    /** @description From `POST /api/livekit/events/ticket` */
                    ticket?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `unauthorized`: ticket missing, invalid, expired or already used */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/invitations/{room_name}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer an invitation: my other pages and devices stop ringing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    room_name: components["schemas"]["RoomName"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InvitationAnswerRequest"];
                };
            };
            responses: {
                /** @description Sent to my other pages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvitationAnswered"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Not allowed for this user (`forbidden`), or an expired, revoked, used-up or forged invite (`invite_invalid`) */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Room not found, or not visible to this user (the same answer, so names do not leak) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/push/vapid-public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The VAPID public key to subscribe with (`applicationServerKey`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The key */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["VapidPublicKey"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `push_not_configured`: the service has no VAPID keys */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/livekit/push/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Save this browser's push subscription: invitations reach it when no Urbania page is open */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PushSubscription"];
                };
            };
            responses: {
                /** @description Saved */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PushSubscriptionSaved"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description `push_not_configured`: the service has no VAPID keys */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body larger than 16 KB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Remove one of my push subscriptions (this browser's, by its endpoint) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PushSubscriptionRef"];
                };
            };
            responses: {
                /** @description `removed` is false when I had no such subscription */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PushSubscriptionRemoved"];
                    };
                };
                /** @description Invalid request (the message names the fields at fault) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing, invalid or expired Urbania token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Too many requests for this user (see Retry-After) */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description MongoDB or LiveKit unavailable (see Retry-After) */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description The `invitation` event of `GET /api/livekit/events`, the Web Push payload (with `type`) and the webhook body (with `type`, `id`, `user_id`) */
        Invitation: {
            room_name: components["schemas"]["RoomName"];
            call_type: components["schemas"]["CallType"];
            /** @description Who invited (the room creator) */
            from: {
                id: string;
                name: string;
            };
            /** Format: date-time */
            created_at: string;
        };
        /** @example team-meeting */
        RoomName: string;
        /**
         * @description Audio rooms never publish a camera
         * @enum {string}
         */
        CallType: "audio" | "video";
        /** @description The `invitation_answered` event: the user answered on one tab or device; the others stop ringing */
        InvitationAnswered: {
            room_name: components["schemas"]["RoomName"];
            answer: components["schemas"]["InvitationAnswer"];
        };
        /** @enum {string} */
        InvitationAnswer: "accepted" | "declined";
        Room: {
            room_name: components["schemas"]["RoomName"];
            call_type: components["schemas"]["CallType"];
            webinar: boolean;
            speakers: string[];
            participants: string[];
            created_by: string;
            created_by_name: string;
            /** @description Co-hosts: hosts besides the creator (user ids, the creator not included). A user is a host when `created_by` is them or `co_hosts` includes them */
            co_hosts: string[];
            open_to_link: boolean;
            /** @description A webinar's audience may write in the chat (everyone else always may) */
            audience_chat: boolean;
            /** @description The host locked the room: no new joins, even with an invite (people in the call stay) */
            locked: boolean;
            /** @description Users who are neither the creator nor invited wait until a host admits them */
            waiting_room: boolean;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description When a host ended the room; joins then answer 410 `room_ended`
             */
            ended_at: string | null;
            connected: components["schemas"]["Presence"][];
        };
        Presence: {
            identity: string;
            name: string;
        };
        Error: {
            error: {
                code: components["schemas"]["ErrorCode"];
                /** @example Room "team-meeting" does not exist */
                message: string;
            };
        };
        /**
         * @example room_not_found
         * @enum {string}
         */
        ErrorCode: "invalid_request" | "unauthorized" | "forbidden" | "not_found" | "room_not_found" | "room_exists" | "room_ended" | "invite_invalid" | "knock_refused" | "idempotency_key_reused" | "participant_not_found" | "track_not_found" | "room_locked" | "push_not_configured" | "payload_too_large" | "rate_limited" | "unavailable" | "internal_error";
        /** @description Without `room_name` the service picks an unguessable name such as `abc-defg-hij` (47 random bits) */
        CreateRoomRequest: {
            room_name?: components["schemas"]["RoomName"];
            /** @default [] */
            participants?: string[];
            call_type?: components["schemas"]["CallType"];
            /** @description Makes the room a webinar: only these users and the creator publish; everyone else subscribes only */
            speakers?: string[];
            /** @description Co-hosts: they may do what the creator does (invites, end, waiting room, host controls, Q&A) except act on the creator and manage co-hosts. They are invited too, and speak in a webinar (their role is `host`) */
            co_hosts?: string[];
            /**
             * @description A public room: anyone signed in who knows its name may see and join it as a participant (without it, only the creator, the invited users and holders of an invite link may, and everyone else gets 404)
             * @default false
             */
            open_to_link?: boolean;
            /**
             * @description A webinar's audience may write in the chat (their token gets canPublishData); they never publish media. Without it they read only: the SFU drops their data. Other rooms ignore it: everyone may write
             * @default false
             */
            audience_chat?: boolean;
            /**
             * @description Users admitted by an invite link or by open_to_link wait (202) until a host admits them
             * @default false
             */
            waiting_room?: boolean;
        };
        RoomList: {
            rooms: components["schemas"]["Room"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            next_cursor: string | null;
        };
        JoinResponse: {
            room: components["schemas"]["Room"];
            token: string;
            url: string;
            room_name: components["schemas"]["RoomName"];
            permissions: components["schemas"]["Permissions"];
            /** @description This user is in the call right now (another tab or device, from the SFU): connecting with this token ends that session (LiveKit DUPLICATE_IDENTITY); ask first */
            connected_elsewhere: boolean;
        };
        Permissions: {
            role: components["schemas"]["Role"];
            can_publish: boolean;
            can_subscribe: boolean;
            /** @description What this user may publish; empty for the audience */
            sources: components["schemas"]["MediaSource"][];
        };
        /**
         * @description The creator and the co-hosts are hosts; a webinar's speakers speak, its audience only listens
         * @enum {string}
         */
        Role: "host" | "participant" | "speaker" | "audience";
        /** @enum {string} */
        MediaSource: "camera" | "microphone" | "screen_share" | "screen_share_audio";
        /** @description In the waiting room: no token until a host admits you; ask again */
        JoinWaitingResponse: {
            /** @enum {string} */
            status: "waiting";
            room_name: components["schemas"]["RoomName"];
        };
        JoinRequest: {
            /** @description Display name in this call; defaults to the Urbania token's name */
            username?: string;
            /** @description The invite link secret, for users who are neither the creator nor invited */
            invite?: string;
        };
        EndRoomResponse: {
            room_name: components["schemas"]["RoomName"];
            /** Format: date-time */
            ended_at: string;
        };
        LeaveResponse: {
            room_name: components["schemas"]["RoomName"];
            /** @enum {boolean} */
            left: true;
        };
        MuteResponse: {
            room_name: components["schemas"]["RoomName"];
            identity: string;
            /**
             * @description Which of their tracks to mute
             * @enum {string}
             */
            source: "microphone" | "camera" | "screen_share";
            /** @enum {boolean} */
            muted: true;
        };
        MuteRequest: {
            /**
             * @description Which of their tracks to mute
             * @enum {string}
             */
            source: "microphone" | "camera" | "screen_share";
        };
        RemoveResponse: {
            room_name: components["schemas"]["RoomName"];
            identity: string;
            /** @enum {boolean} */
            removed: true;
        };
        StageResponse: {
            room_name: components["schemas"]["RoomName"];
            identity: string;
            role: components["schemas"]["Role"];
            /** @description They are in the call and their permissions changed there, without a rejoin */
            live: boolean;
        };
        Invite: {
            /** @description For `DELETE /rooms/{room_name}/invites/{id}` */
            id: string;
            /** @description The secret (256 random bits); shown once, stored hashed */
            invite: string;
            /** @description The invite page with `?room=…&invite=…` */
            url: string;
            role: components["schemas"]["InviteRole"];
            /** Format: date-time */
            expires_at: string;
            max_uses: number | null;
        };
        /**
         * @description `audience` (webinars only) subscribes and never publishes
         * @enum {string}
         */
        InviteRole: "participant" | "audience";
        CreateInviteRequest: {
            role: components["schemas"]["InviteRole"];
            /**
             * @description Default 7 days, at most 30
             * @default 604800
             */
            expires_in_seconds?: number;
            /** @description How many different users it admits; unlimited without it */
            max_uses?: number;
        };
        RevokeInviteResponse: {
            id: string;
            /** @enum {boolean} */
            revoked: true;
        };
        KnockList: {
            knocks: components["schemas"]["Knock"][];
        };
        Knock: {
            identity: string;
            name: string;
            /** Format: date-time */
            knocked_at: string;
            /**
             * @description The invite's role, or the open link
             * @enum {string}
             */
            via: "participant" | "audience" | "open_link";
        };
        /** @description The knock after the decision (the first decision wins) */
        KnockDecision: {
            identity: string;
            /** @enum {string} */
            status: "waiting" | "admitted" | "refused";
        };
        TokenResponse: {
            token: string;
            url: string;
            room_name: components["schemas"]["RoomName"];
        };
        TokenRequest: {
            room_name: components["schemas"]["RoomName"];
            /**
             * @description Must equal the Urbania token's subject when given
             * @example bob
             */
            user_id?: string;
            username?: string;
        };
        TokenSourceResponse: {
            server_url: string;
            participant_token: string;
        };
        TokenSourceRequest: {
            room_name: components["schemas"]["RoomName"];
            /** @example bob */
            participant_identity?: string;
            participant_name?: string;
            participant_metadata?: string;
            participant_attributes?: {
                [key: string]: string;
            };
            room_config?: unknown;
        };
        LowerHandResponse: {
            room_name: components["schemas"]["RoomName"];
            identity: string;
            /** @enum {boolean} */
            hand_raised: false;
        };
        ChatHistoryMessage: {
            /**
             * @description The LiveKit text stream id the message was sent with on `lk.chat`
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            id: string;
            /** @description The verified author (their LiveKit identity is their Urbania user id) */
            from: {
                identity: string;
                name: string;
            };
            text: string;
            /** @description When the service stored it, in ms since the epoch */
            timestamp: number;
        };
        PostChatMessageRequest: {
            /**
             * @description The LiveKit text stream id the message was sent with on `lk.chat`
             * @example 7c9e6679-7425-40de-944b-e07fc1f90ae7
             */
            id: string;
            text: string;
        };
        ChatHistory: {
            room_name: components["schemas"]["RoomName"];
            /** @description Oldest first */
            messages: components["schemas"]["ChatHistoryMessage"][];
        };
        Question: {
            id: string;
            text: string;
            /** @description The verified author */
            author: {
                identity: string;
                name: string;
            };
            /** Format: date-time */
            created_at: string;
            /** @description How many users voted for it (one vote per user) */
            votes: number;
            /** @description Whether the caller voted for it */
            voted: boolean;
            /** @description Marked answered by the host */
            answered: boolean;
        };
        PostQuestionRequest: {
            text: string;
        };
        QuestionList: {
            room_name: components["schemas"]["RoomName"];
            /** @description Most voted first, then oldest first */
            questions: components["schemas"]["Question"][];
        };
        DeletedQuestion: {
            room_name: components["schemas"]["RoomName"];
            id: string;
            /** @enum {boolean} */
            deleted: true;
        };
        EventsTicket: {
            /** @description Opaque, single use: `GET /api/livekit/events?ticket=…` */
            ticket: string;
            /** @description Seconds before the ticket expires unused */
            expires_in: number;
        };
        InvitationAnswerRequest: {
            answer: components["schemas"]["InvitationAnswer"];
        };
        VapidPublicKey: {
            /** @description The VAPID public key (base64url), `applicationServerKey` of `pushManager.subscribe` */
            public_key: string;
        };
        PushSubscriptionSaved: {
            endpoint: string;
        };
        /** @description The browser's `PushSubscription.toJSON()` */
        PushSubscription: {
            /** Format: uri */
            endpoint: string;
            expirationTime?: number | null;
            keys: {
                p256dh: string;
                auth: string;
            };
        };
        PushSubscriptionRemoved: {
            endpoint: string;
            removed: boolean;
        };
        PushSubscriptionRef: {
            /** Format: uri */
            endpoint: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;

/** `RoomName`: the pattern every room name matches (the service answers 400 otherwise). */
export const ROOM_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** `ErrorCode`: every `error.code` the service answers. */
export const ERROR_CODES: readonly components["schemas"]["ErrorCode"][] = ["invalid_request", "unauthorized", "forbidden", "not_found", "room_not_found", "room_exists", "room_ended", "invite_invalid", "knock_refused", "idempotency_key_reused", "participant_not_found", "track_not_found", "room_locked", "push_not_configured", "payload_too_large", "rate_limited", "unavailable", "internal_error"];
