import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  evaluationQuerySchema,
  evaluationRecordsSchema,
  followUpDueSchema,
  followUpsQuerySchema,
  inputCostInputSchema,
  inputCostPatchSchema,
  inputCostSchema,
  lessonInputSchema,
  lessonPatchSchema,
  lessonSchema,
  objectiveInputSchema,
  objectivePatchSchema,
  objectiveSchema,
  surveyInputSchema,
  surveyPatchSchema,
  surveySchema,
  type EvaluationRecords,
  type FollowUpDue,
  type InputCost,
  type Lesson,
  type Objective,
  type Survey,
} from '@parley/contracts';
import { z } from 'zod';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { EvaluationService } from './evaluation.service';

/** A department's evaluation records (METRICS.md's M data): read together, and objectives, lessons, surveys and costs. */
@ApiTags('evaluation')
@Controller('evaluation')
export class EvaluationController {
  constructor(private readonly evaluation: EvaluationService) {}

  @Authorize('evaluation.read')
  @Get()
  @Endpoint({
    summary: 'A department’s evaluation records',
    description:
      'Objectives, exercises (with influence and follow-ups), lessons, surveys and input costs touching [from, to); ' +
      'left out, every record. `followUpsDue` lists the follow-ups that have come due and are not done.',
    query: evaluationQuerySchema,
    ok: { description: 'The records.', schema: evaluationRecordsSchema },
    errors: [400, 404],
  })
  read(@CurrentUser() auth: AuthContext, @Query() query: Record<string, string>): Promise<EvaluationRecords> {
    return this.evaluation.read(auth, parseWith(evaluationQuerySchema, query, 'query'));
  }

  @Authorize('evaluation.read')
  @Get('follow-ups')
  @Endpoint({
    summary: 'Follow-ups due',
    description: 'Exercises’ 3, 6 and 12-month follow-ups that have come due and are not done, oldest first.',
    query: followUpsQuerySchema,
    ok: { description: 'The follow-ups due.', schema: z.array(followUpDueSchema) },
    errors: [400, 404],
  })
  followUps(
    @CurrentUser() auth: AuthContext,
    @Query() query: Record<string, string>,
  ): Promise<FollowUpDue[]> {
    return this.evaluation.followUpsDue(auth, parseWith(followUpsQuerySchema, query, 'query').department);
  }

  @Authorize('evaluation.record')
  @Post('objectives')
  @HttpCode(201)
  @Endpoint({
    summary: 'Record an objective',
    body: objectiveInputSchema,
    ok: { status: 201, description: 'Recorded.', schema: objectiveSchema },
    errors: [400, 404],
  })
  createObjective(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<Objective> {
    return this.evaluation.createObjective(auth, parseWith(objectiveInputSchema, body, 'objective'));
  }

  @Authorize('evaluation.record')
  @Patch('objectives/:id')
  @Endpoint({
    summary: 'Change an objective',
    description: 'Only the fields sent change.',
    params: { id: 'The record’s id.' },
    body: objectivePatchSchema,
    ok: { description: 'Changed.', schema: objectiveSchema },
    errors: [400, 404],
  })
  updateObjective(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Objective> {
    return this.evaluation.updateObjective(auth, id, parseWith(objectivePatchSchema, body, 'change'));
  }

  @Authorize('evaluation.record')
  @Delete('objectives/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove an objective',
    description: 'The audit log keeps what it was.',
    params: { id: 'The record’s id.' },
    ok: { status: 204, description: 'Removed.' },
    errors: [404],
  })
  async removeObjective(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    await this.evaluation.remove(auth, 'objective', id);
  }
  @Authorize('evaluation.record')
  @Post('lessons')
  @HttpCode(201)
  @Endpoint({
    summary: 'Record a lesson',
    body: lessonInputSchema,
    ok: { status: 201, description: 'Recorded.', schema: lessonSchema },
    errors: [400, 404],
  })
  createLesson(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<Lesson> {
    return this.evaluation.createLesson(auth, parseWith(lessonInputSchema, body, 'lesson'));
  }

  @Authorize('evaluation.record')
  @Patch('lessons/:id')
  @Endpoint({
    summary: 'Change a lesson',
    description: 'Only the fields sent change.',
    params: { id: 'The record’s id.' },
    body: lessonPatchSchema,
    ok: { description: 'Changed.', schema: lessonSchema },
    errors: [400, 404],
  })
  updateLesson(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Lesson> {
    return this.evaluation.updateLesson(auth, id, parseWith(lessonPatchSchema, body, 'change'));
  }

  @Authorize('evaluation.record')
  @Delete('lessons/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove a lesson',
    description: 'The audit log keeps what it was.',
    params: { id: 'The record’s id.' },
    ok: { status: 204, description: 'Removed.' },
    errors: [404],
  })
  async removeLesson(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    await this.evaluation.remove(auth, 'lesson', id);
  }
  @Authorize('evaluation.record')
  @Post('surveys')
  @HttpCode(201)
  @Endpoint({
    summary: 'Record a survey',
    body: surveyInputSchema,
    ok: { status: 201, description: 'Recorded.', schema: surveySchema },
    errors: [400, 404],
  })
  createSurvey(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<Survey> {
    return this.evaluation.createSurvey(auth, parseWith(surveyInputSchema, body, 'survey'));
  }

  @Authorize('evaluation.record')
  @Patch('surveys/:id')
  @Endpoint({
    summary: 'Change a survey',
    description: 'Only the fields sent change.',
    params: { id: 'The record’s id.' },
    body: surveyPatchSchema,
    ok: { description: 'Changed.', schema: surveySchema },
    errors: [400, 404],
  })
  updateSurvey(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Survey> {
    return this.evaluation.updateSurvey(auth, id, parseWith(surveyPatchSchema, body, 'change'));
  }

  @Authorize('evaluation.record')
  @Delete('surveys/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove a survey',
    description: 'The audit log keeps what it was.',
    params: { id: 'The record’s id.' },
    ok: { status: 204, description: 'Removed.' },
    errors: [404],
  })
  async removeSurvey(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    await this.evaluation.remove(auth, 'survey', id);
  }
  @Authorize('evaluation.record')
  @Post('costs')
  @HttpCode(201)
  @Endpoint({
    summary: 'Record a cost record',
    body: inputCostInputSchema,
    ok: { status: 201, description: 'Recorded.', schema: inputCostSchema },
    errors: [400, 404],
  })
  createCost(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<InputCost> {
    return this.evaluation.createCost(auth, parseWith(inputCostInputSchema, body, 'cost record'));
  }

  @Authorize('evaluation.record')
  @Patch('costs/:id')
  @Endpoint({
    summary: 'Change a cost record',
    description: 'Only the fields sent change.',
    params: { id: 'The record’s id.' },
    body: inputCostPatchSchema,
    ok: { description: 'Changed.', schema: inputCostSchema },
    errors: [400, 404],
  })
  updateCost(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<InputCost> {
    return this.evaluation.updateCost(auth, id, parseWith(inputCostPatchSchema, body, 'change'));
  }

  @Authorize('evaluation.record')
  @Delete('costs/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove a cost record',
    description: 'The audit log keeps what it was.',
    params: { id: 'The record’s id.' },
    ok: { status: 204, description: 'Removed.' },
    errors: [404],
  })
  async removeCost(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    await this.evaluation.remove(auth, 'input_cost', id);
  }
}
