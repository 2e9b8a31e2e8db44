import { z } from '@hono/zod-openapi';
import { RoomName } from './schemas.js';

/** The Q&A's part of the API contract (routes/questions.ts); same rules as schemas.ts. */

export const QUESTION_MAX_LENGTH = 500;

export const QuestionParams = z.object({
  room_name: RoomName.openapi({ param: { name: 'room_name', in: 'path' } }),
  question_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 characters: letters, digits, "-" or "_"')
    .openapi({ param: { name: 'question_id', in: 'path' }, example: '5f0c2f9e-0d3a-4c5e-9a51-3b1f1f0e8a77' }),
});

export const PostQuestionBody = z
  .object({ text: z.string().trim().min(1, 'must not be empty').max(QUESTION_MAX_LENGTH) })
  .strict()
  .openapi('PostQuestionRequest');

export const Question = z
  .object({
    id: z.string(),
    text: z.string(),
    author: z.object({ identity: z.string(), name: z.string() }).openapi({ description: 'The verified author' }),
    created_at: z.string().openapi({ format: 'date-time' }),
    votes: z.number().int().openapi({ description: 'How many users voted for it (one vote per user)' }),
    voted: z.boolean().openapi({ description: 'Whether the caller voted for it' }),
    answered: z.boolean().openapi({ description: 'Marked answered by the host' }),
  })
  .openapi('Question');

export const QuestionList = z
  .object({ room_name: RoomName, questions: z.array(Question).openapi({ description: 'Most voted first, then oldest first' }) })
  .openapi('QuestionList');

export const DeletedQuestion = z
  .object({ room_name: RoomName, id: z.string(), deleted: z.literal(true) })
  .openapi('DeletedQuestion');

export type QuestionView = z.infer<typeof Question>;
