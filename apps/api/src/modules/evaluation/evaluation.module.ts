import { Module } from '@nestjs/common';
import { DepartmentAccess } from '../../common/department-access.service';
import { EvaluationAccess } from './evaluation-access.service';
import { EvaluationController } from './evaluation.controller';
import { EvaluationService } from './evaluation.service';
import { ExercisesController } from './exercises.controller';
import { ExercisesService } from './exercises.service';

/** The evaluation records people enter: objectives, exercises and their influence, lessons, surveys, costs. */
@Module({
  controllers: [EvaluationController, ExercisesController],
  providers: [EvaluationService, ExercisesService, EvaluationAccess, DepartmentAccess],
  exports: [EvaluationService],
})
export class EvaluationModule {}
