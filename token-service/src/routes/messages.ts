import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { toChatHistoryMessage, type ChatHistoryService } from '../chat-history.js';
import type { AppEnv } from '../env.js';
import { ChatHistory, ChatHistoryMessage, ChatHistoryQuery, PostChatMessageBody } from '../schemas-chat.js';
import { RoomNameParam, errorResponses } from '../schemas.js';

const security = [{ bearerAuth: [] }];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

const postMessageRoute = createRoute({
  method: 'post',
  path: '/rooms/{room_name}/messages',
  tags: ['chat'],
  summary: 'Keep a chat message I have just sent on lk.chat, for those who join later',
  description:
    'The author is always the caller (their identity, and their name in the call). Allowed to whoever may write in ' +
    "the room's chat: not a webinar's audience unless the room has `audience_chat` (403). The same `id` sent again by " +
    'the same author answers 200 with the message stored the first time. The room keeps its newest messages only ' +
    '(CHAT_HISTORY_MAX_MESSAGES) for CHAT_HISTORY_RETENTION_SECONDS.',
  security,
  request: { params: RoomNameParam, body: { required: true, content: { 'application/json': { schema: PostChatMessageBody } } } },
  responses: {
    201: json(ChatHistoryMessage, 'Stored'),
    200: json(ChatHistoryMessage, 'Already stored (a retry): the first copy'),
    ...errorResponses(400, 401, 403, 404, 413, 429, 503),
  },
});

const listMessagesRoute = createRoute({
  method: 'get',
  path: '/rooms/{room_name}/messages',
  tags: ['chat'],
  summary: "The room's recent chat messages (history for late joiners), oldest first",
  security,
  request: { params: RoomNameParam, query: ChatHistoryQuery },
  responses: { 200: json(ChatHistory, 'The newest messages within the retention'), ...errorResponses(400, 401, 403, 404, 429, 503) },
});

export function messagesRouter(history: ChatHistoryService) {
  return new OpenAPIHono<AppEnv>()
    .openapi(postMessageRoute, async (c) => {
      const roomName = c.req.valid('param').room_name;
      const { message, created } = await history.post(c.get('user'), roomName, c.req.valid('json'));
      return c.json(toChatHistoryMessage(message), created ? 201 : 200);
    })
    .openapi(listMessagesRoute, async (c) => {
      const roomName = c.req.valid('param').room_name;
      const messages = await history.list(c.get('user'), roomName, c.req.valid('query').limit);
      return c.json({ room_name: roomName, messages: messages.map(toChatHistoryMessage) }, 200);
    });
}
