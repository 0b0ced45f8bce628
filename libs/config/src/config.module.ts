import { Global, Module } from '@nestjs/common';
import { loadConfig, type Config } from './config';

/** Injection token of the checked configuration. */
export const CONFIG = Symbol('CONFIG');

/** The configuration, read and checked once per process, for every module of an app. */
@Global()
@Module({
  providers: [{ provide: CONFIG, useFactory: (): Config => loadConfig() }],
  exports: [CONFIG],
})
export class ConfigModule {}
