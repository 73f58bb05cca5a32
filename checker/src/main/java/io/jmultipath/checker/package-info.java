/** jmultipath checker module. */
package io.jmultipath.checker;
