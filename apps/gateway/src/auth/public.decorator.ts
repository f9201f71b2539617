import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tally:public';

/** Lets an operation run without authentication (the auth guard protects all others). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
