export * from './tokenize';
export * from './parse';
export * from './edit';
export * from './completion';
