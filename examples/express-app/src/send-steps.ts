import type { Step } from './scenario.js';

/** What the app answered to one step. */
export interface StepResult {
  step: Step;
  status: number;
  body: unknown;
}

function requestOf(step: Step): RequestInit {
  const headers: Record<string, string> = { ...step.headers };
  let body: string | undefined;
  if (step.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(step.json);
  } else if (step.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(step.form).toString();
  }
  return { method: step.method, headers, body };
}

async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sends the steps one after the other to the app at `baseUrl`. */
export async function sendSteps(baseUrl: string, steps: readonly Step[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const response = await fetch(`${baseUrl}${step.path}`, requestOf(step));
    results.push({ step, status: response.status, body: await bodyOf(response) });
  }
  return results;
}
