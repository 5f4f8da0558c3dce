/** The shop's own settings. Secrets among them must never reach Sentry, Slack or an email. */
export interface ShopConfig {
  database: { url: string; sslRootCert: string };
  payments: { apiKey: string };
  shipping: { url: string; apiKey: string };
  adminToken: string;
  invoices: { s3AccessKeyId: string; s3SecretAccessKey: string };
  githubToken: string;
  slackBotToken: string;
  jwtPrivateKey: string;
}

/** The settings from the environment; each unset one gets a harmless local default. */
export function shopConfigFrom(env: NodeJS.ProcessEnv): ShopConfig {
  return {
    database: {
      url: env.DATABASE_URL ?? 'postgres://shop:shop@localhost:5432/shop',
      sslRootCert: env.DATABASE_SSL_ROOT_CERT ?? '/etc/ssl/certs/ca-certificates.crt',
    },
    payments: { apiKey: env.PAYMENT_API_KEY ?? 'not-set' },
    // nothing listens there: the carrier is "down" unless you point this at something
    shipping: {
      url: env.SHIPPING_API_URL ?? 'http://127.0.0.1:59999',
      apiKey: env.SHIPPING_API_KEY ?? 'not-set',
    },
    adminToken: env.ADMIN_TOKEN ?? crypto.randomUUID(),
    invoices: {
      s3AccessKeyId: env.AWS_ACCESS_KEY_ID ?? 'not-set',
      s3SecretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? 'not-set',
    },
    githubToken: env.GITHUB_TOKEN ?? 'not-set',
    slackBotToken: env.SLACK_BOT_TOKEN ?? 'not-set',
    jwtPrivateKey: env.JWT_PRIVATE_KEY ?? 'not-set',
  };
}
