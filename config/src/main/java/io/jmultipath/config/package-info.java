/** jmultipath config module. */
package io.jmultipath.config;
