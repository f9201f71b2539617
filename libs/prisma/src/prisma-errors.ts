import { Prisma } from '@prisma/client';

/** A unique constraint refused the row (Prisma P2002): the caller's CONFLICT, usually. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** A foreign key points at nothing (Prisma P2003): the caller's NOT_FOUND, usually. */
export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003';
}
