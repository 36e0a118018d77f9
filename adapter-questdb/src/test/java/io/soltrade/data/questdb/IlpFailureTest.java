package io.soltrade.data.questdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.questdb.client.cutlass.line.LineSenderException;
import org.junit.jupiter.api.Test;

class IlpFailureTest {

    @Test
    void aRejectedRowIsPermanentAndKeepsTheStatus() {
        IlpFailure failure = IlpFailure.ofRequest(new LineSenderException(
                "Could not flush buffer: cast error from protocol type: STRING to column type: LONG [http-status=400, id: x, code: invalid, line: 1]"));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.httpStatus()).contains("400");
        assertThat(failure.getMessage()).contains("cast error");
    }

    @Test
    void serverErrorsTimeoutsAndThrottlingAreTransient() {
        for (String status : new String[] {"500", "503", "408", "429", "421"}) {
            assertThat(IlpFailure.ofRequest(new LineSenderException("Could not flush buffer: x [http-status=" + status + "]")).permanent())
                    .as(status).isFalse();
        }
    }

    @Test
    void aConnectionFailureIsTransient() {
        IlpFailure failure = IlpFailure.ofRequest(new LineSenderException("Could not flush buffer: http://127.0.0.1:9000/write Connection Failed: refused"));

        assertThat(failure.permanent()).isFalse();
        assertThat(failure.httpStatus()).isEmpty();
        assertThat(IlpFailure.ofConnect(new LineSenderException("could not connect")).permanent()).isFalse();
    }

    @Test
    void aRowTheClientCannotEncodeIsPermanent() {
        assertThat(IlpFailure.ofEncoding(new LineSenderException("column name contains an illegal char")).permanent()).isTrue();
    }
}
