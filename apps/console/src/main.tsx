import '@mantine/core/styles.css';
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { cssVariables, theme } from './layout/theme';

// The gateway's CSP allows <style> elements only with this response's nonce (index.html).
const styleNonce =
  document.querySelector<HTMLMetaElement>('meta[name="tally-style-nonce"]')?.content ?? '';

const queries = new QueryClient({
  // A refusal (expired token, no right) does not get better by asking again at once.
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } },
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
