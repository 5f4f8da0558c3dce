#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import * as util from 'node:util';
import { ConfigError } from './errors.js';
import { loadConfig } from './load-config.js';
import { redactConfig } from './redact.js';
import { renderEnvExample } from './render.js';
import type { Env } from './types.js';

const USAGE = `Usage: faultline-config <command>

Commands:
  check                   validate the environment; print the resolved configuration (secrets
                          redacted) and exit 0, or every problem on stderr and exit 1
  check --env-file <path> the same, with the variables of a .env file on top of the environment
  example                 print a .env.example listing every variable
  help                    show this help`;

/** What one run of the CLI produced. */
export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function usageError(problem: string): CliResult {
  return { stdout: '', stderr: `faultline-config: ${problem}\n\n${USAGE}\n`, exitCode: 2 };
}

function readEnvFile(path: string): Env | string {
  const parseEnv = (util as { parseEnv?: (content: string) => Env }).parseEnv;
  if (parseEnv === undefined) return '--env-file needs Node.js 20.12 or later';
  try {
    return parseEnv(readFileSync(path, 'utf8'));
  } catch (error) {
    return `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function check(options: readonly string[], env: Env): CliResult {
  let effective = env;
  if (options.length > 0) {
    const [flag, path] = options;
    if (flag !== '--env-file' || path === undefined || options.length > 2)
      return usageError(`unknown or incomplete option: ${options.join(' ')}`);
    const fromFile = readEnvFile(path);
    if (typeof fromFile === 'string') return usageError(fromFile);
    effective = { ...env, ...fromFile };
  }
  try {
    const config = redactConfig(loadConfig(effective));
    const json = JSON.stringify(config, (_key, value: unknown) => (value === undefined ? null : value), 2);
    return { stdout: `${json}\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof ConfigError) return { stdout: '', stderr: `${error.message}\n`, exitCode: 1 };
    throw error;
  }
}

/**
 * Runs `faultline-config` with `argv` (the arguments after the command) against `env`.
 * Exported for tests; nothing is written or read except an `--env-file`.
 */
export function runCli(argv: readonly string[], env: Env): CliResult {
  const [command, ...options] = argv;
  if (command === 'check') return check(options, env);
  if (command === 'example' && options.length === 0)
    return { stdout: renderEnvExample(), stderr: '', exitCode: 0 };
  if (command === 'help' || command === '--help' || command === '-h')
    return { stdout: `${USAGE}\n`, stderr: '', exitCode: 0 };
  return usageError(command === undefined ? 'no command given' : `unknown command: ${argv.join(' ')}`);
}

const isMain = process.argv[1] !== undefined && /faultline-config|cli\.(c?js|ts)$/.test(process.argv[1]);
if (isMain) {
  const result = runCli(process.argv.slice(2), process.env);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
