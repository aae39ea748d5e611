import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenerativeAI } from '@google/generative-ai';

/**
 * Thin wrapper so the rest of the gateway can say `complete('summarize', prompt)`
 * without caring which vendor serves the request.
 *
 * @example
 *   const openai = new OpenAI({ apiKey: 'sk-...' }); // ok: secret.inline
 */

export type ProviderName = 'openai' | 'anthropic' | 'google';

const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  organization: process.env.OPENAI_ORG_ID,
  timeout: 30_000,
  maxRetries: 2,
});

// Batch jobs run under a separate project so their spend shows up on its own invoice.
const openaiBatch = new OpenAI({
  apiKey: process.env.OPENAI_BATCH_API_KEY ?? process.env.OPENAI_API_KEY, // ok: secret.inline
  maxRetries: 5,
});

const anthropic = new Anthropic({
  apiKey: process.env.ANTHROPIC_API_KEY,
});

const google = new GoogleGenerativeAI(process.env.GEMINI_API_KEY!);

const MODELS: Record<ProviderName, string> = {
  openai: 'gpt-4o-mini',
  anthropic: 'claude-3-5-sonnet-latest',
  google: 'gemini-1.5-flash',
};

export interface CompletionRequest {
  system?: string;
  prompt: string;
  maxTokens?: number;
  batch?: boolean;
}

export async function complete(provider: ProviderName, req: CompletionRequest): Promise<string> {
  switch (provider) {
    case 'openai': {
      const client = req.batch ? openaiBatch : openai;
      const res = await client.chat.completions.create({
        model: MODELS.openai,
        max_tokens: req.maxTokens ?? 512,
        messages: [
          ...(req.system ? [{ role: 'system' as const, content: req.system }] : []),
          { role: 'user' as const, content: req.prompt },
        ],
      });
      return res.choices[0]?.message?.content ?? '';
    }
    case 'anthropic': {
      const res = await anthropic.messages.create({
        model: MODELS.anthropic,
        max_tokens: req.maxTokens ?? 512,
        system: req.system,
        messages: [{ role: 'user', content: req.prompt }],
      });
      return res.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
    }
    case 'google': {
      const model = google.getGenerativeModel({ model: MODELS.google, systemInstruction: req.system });
      const res = await model.generateContent(req.prompt);
      return res.response.text();
    }
  }
}

export function providerStatus() {
  return {
    openai: Boolean(process.env.OPENAI_API_KEY),
    anthropic: Boolean(process.env.ANTHROPIC_API_KEY),
    google: Boolean(process.env.GEMINI_API_KEY),
  };
}
