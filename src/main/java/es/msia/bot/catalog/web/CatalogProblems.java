package es.msia.bot.catalog.web;

import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.QuoteNotPossible;
import es.msia.bot.catalog.jdbc.CatalogEditRejected;
import es.msia.bot.catalog.jdbc.CatalogRowNotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem details (RFC 9457) for the catalogue API. Validation failures carry an {@code errors} list of
 * {@code {field, message}} so a form can show them next to the fields. Ordered first so that it wins
 * over the application-wide problem-details handler for this package's controllers.
 */
@RestControllerAdvice(basePackageClasses = CatalogProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CatalogProblems {

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ProblemDetail invalid(MethodArgumentNotValidException ex) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", errors);
	}

	@ExceptionHandler(CatalogEditRejected.class)
	ProblemDetail rejected(CatalogEditRejected ex) {
		List<Map<String, String>> errors = ex.problems()
			.stream()
			.map((p) -> Map.of("field", p.field(), "message", p.message()))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "The edit would make the catalogue invalid; nothing was changed",
				errors);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		String cause = String.valueOf(ex.getMostSpecificCause().getMessage()).lines().findFirst().orElse("");
		return problem(HttpStatus.BAD_REQUEST, "Constraint violated; nothing was changed",
				List.of(Map.of("field", "catalog", "message", cause)));
	}

	@ExceptionHandler({ BadQuoteRequest.class, QuoteNotPossible.class, HttpMessageNotReadableException.class,
			IllegalArgumentException.class })
	ProblemDetail badRequest(RuntimeException ex) {
		String detail = (ex instanceof HttpMessageNotReadableException) ? "Malformed JSON body" : ex.getMessage();
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
	}

	@ExceptionHandler({ CatalogRowNotFound.class, UnknownCategory.class })
	ProblemDetail notFound(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty("errors", errors);
		return problem;
	}

}
