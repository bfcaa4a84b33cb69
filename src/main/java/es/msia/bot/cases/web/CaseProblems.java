package es.msia.bot.cases.web;

import es.msia.bot.cases.CaseNotFound;
import es.msia.bot.cases.IllegalCaseTransition;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problem details (RFC 9457) for the cases API. */
@RestControllerAdvice(basePackageClasses = CaseProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaseProblems {

	@ExceptionHandler(CaseNotFound.class)
	ProblemDetail notFound(CaseNotFound ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalCaseTransition.class)
	ProblemDetail conflict(IllegalCaseTransition ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
