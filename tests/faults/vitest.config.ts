import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../../vitest.shared.ts';

// The fault tests load an app in a child process and measure its memory and event-loop delay:
// one file at a time, so that they do not load each other's apps.
export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }));
