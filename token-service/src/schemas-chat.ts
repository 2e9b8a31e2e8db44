import { z } from '@hono/zod-openapi';
import { RoomName } from './schemas.js';

/**
 * The chat history's part of the API contract (routes/messages.ts); same rules as schemas.ts, whose RoomName and
 * error responses it uses.
 */

/** The widget's longest message (widget/src/core/chat.ts CHAT_MAX_LENGTH), in UTF-16 code units like `.length`. */
export const CHAT_MESSAGE_MAX_LENGTH = 2000;
/** Upper bound of `?limit=` and of CHAT_HISTORY_MAX_MESSAGES. */
export const CHAT_HISTORY_LIMIT_MAX = 1000;

export const ChatMessageId = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 characters: letters, digits and . _ : -')
  .openapi({ description: 'The LiveKit text stream id the message was sent with on `lk.chat`', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' });

export const PostChatMessageBody = z
  .object({
    id: ChatMessageId,
    text: z.string().trim().min(1, 'must not be empty').max(CHAT_MESSAGE_MAX_LENGTH),
  })
  .strict()
  .openapi('PostChatMessageRequest');

export const ChatHistoryMessage = z
  .object({
    id: ChatMessageId,
    from: z
      .object({ identity: z.string(), name: z.string() })
      .openapi({ description: 'The verified author (their LiveKit identity is their Urbania user id)' }),
    text: z.string(),
    timestamp: z.number().int().openapi({ description: 'When the service stored it, in ms since the epoch' }),
  })
  .openapi('ChatHistoryMessage');

export const ChatHistory = z
  .object({ room_name: RoomName, messages: z.array(ChatHistoryMessage).openapi({ description: 'Oldest first' }) })
  .openapi('ChatHistory');

export const ChatHistoryQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(CHAT_HISTORY_LIMIT_MAX)
    .default(100)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'The newest messages to return (also capped by the room bound)', example: 100 }),
});

export type PostChatMessageRequest = z.infer<typeof PostChatMessageBody>;
export type ChatHistoryMessage = z.infer<typeof ChatHistoryMessage>;
