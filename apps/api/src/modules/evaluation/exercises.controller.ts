import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  exerciseCloseSchema,
  exerciseInputSchema,
  exercisePatchSchema,
  exerciseSchema,
  influenceInputSchema,
  influencePatchSchema,
  youSaidWeDidInputSchema,
  type Exercise,
} from '@parley/contracts';
import { Endpoint } from '../../common/openapi';
import { parseWith } from '../../common/parse-with';
import { Authorize, CurrentUser, type AuthContext } from '../auth/auth-context';
import { EvaluationService } from './evaluation.service';
import { ExercisesService } from './exercises.service';

/** Engagement exercises, closing them, their "you said, we did" update and their policy influence. */
@ApiTags('evaluation')
@Controller('evaluation')
export class ExercisesController {
  constructor(
    private readonly exercises: ExercisesService,
    private readonly evaluation: EvaluationService,
  ) {}

  @Authorize('evaluation.record')
  @Post('exercises')
  @HttpCode(201)
  @Endpoint({
    summary: 'Record an engagement exercise',
    body: exerciseInputSchema,
    ok: { status: 201, description: 'Recorded.', schema: exerciseSchema },
    errors: [400, 404],
  })
  create(@CurrentUser() auth: AuthContext, @Body() body: unknown): Promise<Exercise> {
    return this.exercises.create(auth, parseWith(exerciseInputSchema, body, 'exercise'));
  }

  @Authorize('evaluation.record')
  @Patch('exercises/:id')
  @Endpoint({
    summary: 'Change an exercise',
    description: 'Only the fields sent change.',
    params: { id: 'The exercise’s id.' },
    body: exercisePatchSchema,
    ok: { description: 'Changed.', schema: exerciseSchema },
    errors: [400, 404],
  })
  update(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Exercise> {
    return this.exercises.update(auth, id, parseWith(exercisePatchSchema, body, 'change'));
  }

  @Authorize('evaluation.record')
  @Delete('exercises/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove an exercise',
    description: 'Its influence entries and follow-ups go with it; its lessons stay, unlinked.',
    params: { id: 'The exercise’s id.' },
    ok: { status: 204, description: 'Removed.' },
    errors: [404],
  })
  async remove(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    await this.evaluation.remove(auth, 'exercise', id);
  }

  @Authorize('evaluation.record')
  @Post('exercises/:id/close')
  @HttpCode(200)
  @Endpoint({
    summary: 'Close an exercise',
    description:
      'Sets its follow-ups at 3, 6 and 12 calendar months (UK dates). Closing again moves those not yet done.',
    params: { id: 'The exercise’s id.' },
    body: exerciseCloseSchema,
    ok: { description: 'Closed, with its follow-ups.', schema: exerciseSchema },
    errors: [400, 404],
  })
  close(@CurrentUser() auth: AuthContext, @Param('id') id: string, @Body() body: unknown): Promise<Exercise> {
    return this.exercises.close(auth, id, parseWith(exerciseCloseSchema, body ?? {}, 'close'));
  }

  @Authorize('evaluation.record')
  @Put('exercises/:id/you-said-we-did')
  @Endpoint({
    summary: 'Record the “you said, we did” update',
    description: 'Where it was posted (an http(s) address), when, and the engagement that carried it if any.',
    params: { id: 'The exercise’s id.' },
    body: youSaidWeDidInputSchema,
    ok: { description: 'Recorded.', schema: exerciseSchema },
    errors: [400, 404],
  })
  youSaidWeDid(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Exercise> {
    return this.exercises.youSaidWeDid(auth, id, parseWith(youSaidWeDidInputSchema, body, 'update'));
  }

  @Authorize('evaluation.record')
  @Post('exercises/:id/influence')
  @HttpCode(201)
  @Endpoint({
    summary: 'Record policy influence',
    description:
      'A level (0 none · 1 insight sent to the policy team · 2 cited in a submission or options paper · 3 decision ' +
      'or text changed) with evidence links. Recorded once a follow-up has come due, it marks that follow-up done.',
    params: { id: 'The exercise’s id.' },
    body: influenceInputSchema,
    ok: { status: 201, description: 'Recorded; the exercise as it is now.', schema: exerciseSchema },
    errors: [400, 404],
  })
  addInfluence(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Exercise> {
    return this.exercises.addInfluence(auth, id, parseWith(influenceInputSchema, body, 'influence entry'));
  }

  @Authorize('evaluation.record')
  @Patch('influence/:id')
  @Endpoint({
    summary: 'Change an influence entry',
    params: { id: 'The entry’s id.' },
    body: influencePatchSchema,
    ok: { description: 'Changed; the exercise as it is now.', schema: exerciseSchema },
    errors: [400, 404],
  })
  updateInfluence(
    @CurrentUser() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Exercise> {
    return this.exercises.updateInfluence(auth, id, parseWith(influencePatchSchema, body, 'change'));
  }

  @Authorize('evaluation.record')
  @Delete('influence/:id')
  @HttpCode(204)
  @Endpoint({
    summary: 'Remove an influence entry',
    params: { id: 'The entry’s id.' },
    ok: { status: 204, description: 'Removed.' },
    errors: [404],
  })
  async removeInfluence(@CurrentUser() auth: AuthContext, @Param('id') id: string): Promise<void> {
    await this.evaluation.remove(auth, 'policy_influence', id);
  }
}
