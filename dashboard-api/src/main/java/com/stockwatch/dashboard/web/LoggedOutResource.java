package com.stockwatch.dashboard.web;


import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.TemplateInstance;

/** Where Cognito sends the browser after logout; open without login. */
@Path("/logged-out")
public class LoggedOutResource {

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public TemplateInstance loggedOut() {
        return Templates.loggedOut(new PageContext("Signed out", null, false, null, "logged-out"));
    }
}
