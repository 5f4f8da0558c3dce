export { defaultShouldHandleError, errorHandler, MECHANISM } from './error-handler.js';
export { requestHandler } from './request-handler.js';
export type {
  ErrorHandlerOptions,
  ErrorMiddleware,
  ExpressRequest,
  ExpressResponse,
  NextFunction,
  RequestCounter,
  RequestHandlerOptions,
  RequestMiddleware,
} from './types.js';
