import { Module } from '@nestjs/common';
import { AuthorViewReportController } from './author-view-report.controller';
import { AuthorViewReportService } from './author-view-report.service';
import { AuthorViewsService } from './author-views.service';
import { LawfulListeningPolicy } from './lawful-listening-policy.service';

/** Topic, not person: the lawful-listening settings, per-author view warnings and the report on them. */
@Module({
  controllers: [AuthorViewReportController],
  providers: [LawfulListeningPolicy, AuthorViewsService, AuthorViewReportService],
  exports: [LawfulListeningPolicy, AuthorViewsService],
})
export class LawfulListeningModule {}
