import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CorrelationIdMiddleware } from '../context/correlation-id.middleware';
import { httpLoggerOptions, LoggingOptions } from './logger.options';

/**
 * Structured JSON logging (nestjs-pino). Also applies CorrelationIdMiddleware to every route, so
 * logs and the RequestContext exist whenever logging does; the middleware is idempotent if the
 * application applies it as well. Use `app.useLogger(app.get(Logger))` (nestjs-pino) in main.ts.
 */
@Module({})
export class LoggingModule implements NestModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: options.destination ? [httpLoggerOptions(options), options.destination] : httpLoggerOptions(options),
        }),
      ],
      exports: [LoggerModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
