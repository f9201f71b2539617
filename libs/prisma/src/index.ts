export * from './prisma.module';
export * from './prisma.options';
export * from './prisma.service';
export * from './prisma-errors';
export * from './uuid';
