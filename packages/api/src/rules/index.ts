// Browser-safe rules: constants and pure functions only, no Node modules.
// apps/web imports this entry point; keep it free of server code.

export * from './check-file.ts';
export * from './display-characters.ts';
export * from './file-problem.ts';
export * from './format-bytes.ts';
export * from './image-types.ts';
export * from './limits.ts';
export * from './password-rules.ts';
export * from './plural.ts';
