import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs. Secrets and tokens are redacted wherever they could appear. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'urbania-token-service' },
      redact: {
        paths: [
          'token',
          '*.token',
          'participant_token',
          '*.participant_token',
          'access_token',
          '*.access_token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'config.livekit.apiSecret',
          'config.auth.jwtSecret',
          'config.auth.demoSecret',
          'config.mongodb.uri',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ sync: false }),
  );
}
