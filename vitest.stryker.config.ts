import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// Mutation testing runs the covering tests once per mutant: without isolation each worker keeps its
// environment and imported modules between runs, which makes a run several times cheaper. Stryker
// switches mutants at run time, so nothing needs re-importing (static mutants are ignored).
export default mergeConfig(base, defineConfig({ test: { isolate: false } }));
