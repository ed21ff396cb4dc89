package io.pressline.platform.security;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pressline.platform.security.ApiKeys.ApiKey;
import io.pressline.platform.security.ApiKeys.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeysTests {

	private static final String DESK = "desk-key-0123456789abcdefghij";

	private static final String OPS = "ops-key-0123456789abcdefghijkl";

	@Test
	void aPresentedKeyFindsItsCallerAndRoles() {
		ApiKeys keys = ApiKeys.of(List.of(new ApiKey("desk", DESK, Set.of(Role.EDITOR)),
				new ApiKey("ops", OPS, Set.of(Role.ADMIN, Role.EDITOR))));

		assertThat(keys.find(DESK)).hasValue(new ApiKeys.Caller("desk", Set.of(Role.EDITOR)));
		assertThat(keys.find(OPS).orElseThrow().roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.EDITOR);
		assertThat(keys.find(DESK + "x")).isEmpty();
		assertThat(keys.find("")).isEmpty();
		assertThat(keys.find(null)).isEmpty();
	}

	@Test
	void unusableKeysAreRefusedAtStartSayingWhich() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiKeys.of(List.of(new ApiKey("desk", "short", Set.of(Role.EDITOR)))))
			.withMessage("pressline.security.api-keys[0].key of 'desk' must have at least 24 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> ApiKeys.of(List.of(new ApiKey("desk", DESK, Set.of()))))
			.withMessageContaining("roles of 'desk' is empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiKeys.of(List.of(new ApiKey("desk", DESK, Set.of(Role.EDITOR)),
					new ApiKey("desk", OPS, Set.of(Role.ADMIN)))))
			.withMessage("pressline.security.api-keys[1].name 'desk' is used twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiKeys.of(List.of(new ApiKey("desk", DESK, Set.of(Role.EDITOR)),
					new ApiKey("ops", DESK, Set.of(Role.ADMIN)))))
			.withMessage("pressline.security.api-keys[1].key of 'ops' is another key's too");
	}

}
