import type { TestRunnerPlugin } from '@web/test-runner';
export declare function axTreePlugin(): TestRunnerPlugin;
