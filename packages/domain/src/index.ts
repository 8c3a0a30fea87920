export * from './labor/index.ts';
