package io.mediawerk.workflow.definition;

import io.mediawerk.api.ApiException;

/** Makes the 400 of a bad step: the param is the field's path, the message starts with the step's name. */
record StepErrors(String stepName) {

    ApiException invalid(String param, String message) {
        return ApiException.invalid(param, "Step " + stepName + ": " + message);
    }

    ApiException withStatus(int status, String code, String param, String message) {
        return new ApiException(status, code, "Step " + stepName + ": " + message, param);
    }
}
