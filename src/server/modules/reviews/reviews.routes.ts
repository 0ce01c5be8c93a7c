import type { AppInstance } from '../../http/app-instance.ts';
import type { ReviewsService } from './reviews.service.ts';

export function reviewsRoutes(_app: AppInstance, _reviews: ReviewsService) {}
