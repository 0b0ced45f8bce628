import { ConfigModule } from '@parley/config';
import { DatabaseModule } from '@parley/db';
import { JobsModule } from '@parley/jobs';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { DomainErrorFilter } from './common/domain-error.filter';
import { AlertsModule } from './modules/alerts/alerts.module';
import { AuthModule } from './modules/auth/auth.module';
import { ConversationsModule } from './modules/conversations/conversations.module';
import { LawfulListeningModule } from './modules/lawful-listening/lawful-listening.module';
import { EngagementsModule } from './modules/engagements/engagements.module';
import { EvaluationModule } from './modules/evaluation/evaluation.module';
import { DraftsModule } from './modules/drafts/drafts.module';
import { GovernanceModule } from './modules/governance/governance.module';
import { MetricsModule } from './modules/metrics/metrics.module';
import { SentimentModule } from './modules/sentiment/sentiment.module';
import { ReportsModule } from './modules/reports/reports.module';
import { HealthController } from './modules/health/health.controller';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OpportunitiesModule } from './modules/opportunities/opportunities.module';
import { SourcesModule } from './modules/sources/sources.module';
import { ThemesModule } from './modules/themes/themes.module';
import { PrivacyModule } from './modules/privacy/privacy.module';
import { TaggingModule } from './modules/tagging/tagging.module';
import { ProprietyModule } from './modules/propriety/propriety.module';
import { RulesModule } from './modules/rules/rules.module';
import { UsersModule } from './modules/users/users.module';
import { WorkspaceModule } from './modules/workspace/workspace.module';

@Module({
  imports: [
    ConfigModule,
    DatabaseModule.forRoot('parley-api'),
    JobsModule.forRoot('parley-api'),
    AuthModule,
    UsersModule,
    WorkspaceModule,
    AlertsModule,
    SourcesModule,
    ConversationsModule,
    TaggingModule,
    RulesModule,
    LawfulListeningModule,
    EngagementsModule,
    NotificationsModule,
    DraftsModule,
    GovernanceModule,
    MetricsModule,
    SentimentModule,
    EvaluationModule,
    ThemesModule,
    PrivacyModule,
    ReportsModule,
    OpportunitiesModule,
    ProprietyModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
})
export class AppModule {}
