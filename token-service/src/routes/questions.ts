import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import type { QuestionsService } from '../questions.js';
import { DeletedQuestion, PostQuestionBody, Question, QuestionList, QuestionParams } from '../schemas-questions.js';
import { RoomNameParam, errorResponses } from '../schemas.js';

const security = [{ bearerAuth: [] }];
const tags = ['questions'];
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const notFound = 'Unknown room, or not visible to this user (`room_not_found`); unknown question (`not_found`)';

const askRoute = createRoute({
  method: 'post', path: '/rooms/{room_name}/questions', tags, security,
  summary: 'Ask a question (Q&A); anyone who may see the room, a webinar’s audience included',
  request: { params: RoomNameParam, body: { required: true, content: { 'application/json': { schema: PostQuestionBody } } } },
  responses: { 201: json(Question, 'The question'), ...errorResponses(400, 401, 404, 413, 429, 503) },
});

const listRoute = createRoute({
  method: 'get', path: '/rooms/{room_name}/questions', tags, security,
  summary: 'The room’s questions, most voted first, then oldest first',
  request: { params: RoomNameParam },
  responses: { 200: json(QuestionList, 'The questions'), ...errorResponses(400, 401, 404, 429, 503) },
});

const voteRoute = createRoute({
  method: 'post', path: '/rooms/{room_name}/questions/{question_id}/vote', tags, security,
  summary: 'Vote for a question (once per user; voting again changes nothing)',
  request: { params: QuestionParams },
  responses: { 200: json(Question, 'The question with its votes'), ...errorResponses(400, 401, 429, 503), 404: { ...errorResponses(404)[404], description: notFound } },
});

const unvoteRoute = createRoute({
  method: 'delete', path: '/rooms/{room_name}/questions/{question_id}/vote', tags, security,
  summary: 'Take back my vote (nothing changes when there was none)',
  request: { params: QuestionParams },
  responses: { 200: json(Question, 'The question with its votes'), ...errorResponses(400, 401, 429, 503), 404: { ...errorResponses(404)[404], description: notFound } },
});

const answeredRoute = createRoute({
  method: 'post', path: '/rooms/{room_name}/questions/{question_id}/answered', tags, security,
  summary: 'Mark a question answered (host only)',
  request: { params: QuestionParams },
  responses: { 200: json(Question, 'The question'), ...errorResponses(400, 401, 403, 429, 503), 404: { ...errorResponses(404)[404], description: notFound } },
});

const deleteRoute = createRoute({
  method: 'delete', path: '/rooms/{room_name}/questions/{question_id}', tags, security,
  summary: 'Delete a question (the host or its author)',
  request: { params: QuestionParams },
  responses: { 200: json(DeletedQuestion, 'Deleted'), ...errorResponses(400, 401, 403, 429, 503), 404: { ...errorResponses(404)[404], description: notFound } },
});

/** Audience questions with up-votes (see questions.ts). */
export function questionsRouter(questions: QuestionsService) {
  return new OpenAPIHono<AppEnv>()
    .openapi(askRoute, async (c) => {
      const { room_name } = c.req.valid('param');
      return c.json(await questions.ask(c.get('user'), room_name, c.req.valid('json').text), 201);
    })
    .openapi(listRoute, async (c) => {
      const { room_name } = c.req.valid('param');
      return c.json({ room_name, questions: await questions.list(c.get('user'), room_name) }, 200);
    })
    .openapi(voteRoute, async (c) => {
      const { room_name, question_id } = c.req.valid('param');
      return c.json(await questions.vote(c.get('user'), room_name, question_id, true), 200);
    })
    .openapi(unvoteRoute, async (c) => {
      const { room_name, question_id } = c.req.valid('param');
      return c.json(await questions.vote(c.get('user'), room_name, question_id, false), 200);
    })
    .openapi(answeredRoute, async (c) => {
      const { room_name, question_id } = c.req.valid('param');
      return c.json(await questions.markAnswered(c.get('user'), room_name, question_id), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { room_name, question_id } = c.req.valid('param');
      await questions.delete(c.get('user'), room_name, question_id);
      return c.json({ room_name, id: question_id, deleted: true as const }, 200);
    });
}
