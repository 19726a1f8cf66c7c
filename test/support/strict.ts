import * as z from 'zod/mini';

/** The same object schema, refusing unknown keys: tests assert whole bodies, nothing extra. */
export const strict = <S extends z.ZodMiniObject>(schema: S) => z.strictObject(schema.shape) as unknown as S;
