import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/graphql-client';
import { App } from './app';
import { cssVariables, theme } from './layout/theme';

// The gateway's CSP allows <style> elements only with this response's nonce (index.html).
const styleNonce =
  document.querySelector<HTMLMetaElement>('meta[name="tally-style-nonce"]')?.content ?? '';

// A refusal (expired token, no right, no such thing) does not get better by asking again.
const FINAL = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);
const retryOnce = (failures: number, error: Error) =>
  failures < 1 && !(error instanceof ApiError && FINAL.has(error.code));

const queries = new QueryClient({
  defaultOptions: { queries: { retry: retryOnce, refetchOnWindowFocus: false } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariables}
      forceColorScheme="light"
      getStyleNonce={() => styleNonce}
    >
      <QueryClientProvider client={queries}>
        <App />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
