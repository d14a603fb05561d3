import { INestApplication, Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { KAFKA_SETTINGS, KafkaSettings, kafkaMicroserviceOptions } from '@careloop/messaging';
import { HttpMetrics } from '@careloop/observability';
import { Logger } from 'nestjs-pino';
import { createValidationPipe } from './http/validation.pipe';

export interface ServiceDescription {
  readonly service: string;
  readonly title: string;
  readonly description: string;
  /** Consume Kafka in this process (false for a process that only serves HTTP). */
  readonly consume?: boolean;
}

export function createFastifyAdapter(): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: 2 * 1024 * 1024, trustProxy: true });
}

/**
 * Applies what every service shares (validation, OpenAPI at /docs and /docs-json, Kafka consumer, shutdown hooks).
 * Used by `bootstrapService` and by tests, so a test runs the same application the service runs.
 */
export async function configureApp(app: NestFastifyApplication, description: ServiceDescription): Promise<void> {
  app.useLogger(app.get(Logger));
  app.get(HttpMetrics).install(app.getHttpAdapter().getInstance());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(description.title)
      .setDescription(description.description)
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  if (description.consume !== false) {
    const settings = app.get<KafkaSettings>(KAFKA_SETTINGS);
    app.connectMicroservice(kafkaMicroserviceOptions(settings), { inheritAppConfig: true });
  }
}

export async function startApp(app: NestFastifyApplication, port: number, host = '0.0.0.0'): Promise<void> {
  // Consumers first: a service that cannot consume is not ready, and topics must exist (automatic creation is off).
  await app.startAllMicroservices();
  await app.listen(port, host);
}

/** The main.ts of every service: one process serving HTTP and consuming its Kafka topics. */
export async function bootstrapService(module: unknown, description: ServiceDescription): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(module as never, createFastifyAdapter(), {
    bufferLogs: true,
    rawBody: true,
  });
  await configureApp(app, description);
  const port = Number(process.env['PORT']);
  await startApp(app, port);
  new NestLogger('bootstrap').log(`${description.service} listening on ${port}`);
  return app;
}
